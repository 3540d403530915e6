package org.pactbridge.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.PartyCode;

/** An ARRANGEMENT's {@code channel:} (its hub and the paths it sanctions) in the world format. */
final class ChannelSection extends ProvisionsSection {
  static final ChannelSection INSTANCE = new ChannelSection();

  private ChannelSection() {
    super("channel", "only an ARRANGEMENT defines a channel");
  }

  @Override
  Provisions read(GeneralTerms general, Yaml node, List<PartyCode> members, ReadContext context) {
    return new ArrangementProvisions(general, node == null ? Optional.empty() : Optional.of(channel(node, members, context)));
  }

  private static Channel channel(Yaml node, List<PartyCode> members, ReadContext context) {
    Map<String, Yaml> fields = node.requireOnly(Set.of("hub", "paths"));
    Yaml hubNode = Fields.required(node, fields, "hub");
    PartyCode hub = context.knownParty(hubNode);
    if (!members.contains(hub)) {
      throw hubNode.error("the hub " + hub + " is not a party to this arrangement");
    }
    List<List<PartyCode>> paths = new ArrayList<>();
    for (Yaml pathNode : Fields.required(node, fields, "paths").sequence()) {
      List<PartyCode> path = new ArrayList<>();
      for (Yaml partyNode : pathNode.sequence()) {
        path.add(context.member(partyNode, members, " is not a party to this arrangement"));
      }
      if (path.size() < 3 || !path.subList(1, path.size() - 1).contains(hub)) {
        throw pathNode.error("a path runs from a sender through the hub " + hub + " to a recipient");
      }
      paths.add(path);
    }
    return new Channel(hub, paths);
  }

  @Override
  void write(StringBuilder out, String indent, Provisions provisions) {
    Channel channel = ((ArrangementProvisions) provisions).channel().orElse(null);
    if (channel == null) {
      return;
    }
    out.append(indent).append("channel:\n");
    out.append(indent).append("  hub: ").append(channel.hub()).append('\n');
    out.append(indent).append("  paths:\n");
    for (List<PartyCode> path : channel.paths()) {
      out.append(indent).append("    - ").append(WorldWriter.inline(path.stream().map(PartyCode::value).toList())).append('\n');
    }
  }
}
