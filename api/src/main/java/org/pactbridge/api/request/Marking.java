package org.pactbridge.api.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * A small, strict reader for the banner forms the decision API accepts in {@code marking}, until the
 * full marking grammar (issue 3) replaces it: {@code SECRET//REL TO USA, JPN, KOR} (a US classification
 * means {@code USA}), {@code //KOR II//REL TO USA} (a foreign marking names its party), followed by any
 * of {@code REL TO …}, {@code NOFORN} and {@code ORCON}. Anything else is an error naming the token and
 * its index in the marking; nothing is guessed.
 */
public record Marking(PartyCode originator, Level level, Releasability releasability, boolean orcon, String canonical) {
  private static final PartyCode USA = PartyCode.of("USA");

  public static Marking read(String text, Registry registry, Instant at) {
    if (text == null || text.isBlank()) {
      throw bad("", 0, "empty marking");
    }
    if (text.length() > 512) {
      throw bad(text.substring(0, 16), 512, "marking longer than 512 characters");
    }
    List<int[]> spans = new ArrayList<>();
    int start = text.startsWith("//") ? 2 : 0;
    boolean foreign = start == 2;
    int index = start;
    while (index <= text.length()) {
      int next = text.indexOf("//", index);
      int end = next < 0 ? text.length() : next;
      spans.add(new int[] {index, end});
      if (next < 0) {
        break;
      }
      index = next + 2;
    }
    int[] first = spans.get(0);
    String classification = text.substring(first[0], first[1]).strip();
    if (classification.isEmpty()) {
      throw bad(classification, first[0], "missing classification");
    }
    PartyCode originator;
    Level level;
    if (foreign) {
      int space = classification.indexOf(' ');
      if (space < 0) {
        throw bad(classification, first[0], "a foreign marking names its party and level, such as '//KOR II'");
      }
      String partyToken = classification.substring(0, space);
      Party party = registry.findParty(parseParty(partyToken, first[0])).orElseThrow(() -> bad(partyToken, first[0], "unknown party"));
      String levelToken = classification.substring(space + 1).strip();
      originator = party.code();
      level = party.findLevel(levelToken, at).orElseThrow(() -> bad(levelToken, first[0] + space + 1, "unknown level for " + party.code()));
    } else {
      Party usa = registry.findParty(USA).orElseThrow(() -> bad(classification, first[0], "no US scheme in this world"));
      Optional<Level> found = usa.findLevel(classification, at);
      if (found.isEmpty()) {
        throw bad(classification, first[0], "unknown classification", "a marking without a leading '//' is a US marking");
      }
      originator = USA;
      level = found.get();
    }
    Releasability releasability = Releasability.open();
    boolean orcon = false;
    boolean noforn = false;
    List<String> relTo = null;
    for (int i = 1; i < spans.size(); i++) {
      int[] span = spans.get(i);
      String segment = text.substring(span[0], span[1]).strip();
      String upper = segment.toUpperCase(Locale.ROOT);
      if (upper.equals("NOFORN")) {
        noforn = true;
      } else if (upper.equals("ORCON")) {
        orcon = true;
      } else if (upper.startsWith("REL TO ")) {
        if (relTo != null) {
          throw bad(segment, span[0], "a second REL TO");
        }
        relTo = new ArrayList<>();
        int offset = span[0] + text.substring(span[0], span[1]).indexOf(segment) + 7;
        for (String entry : segment.substring(7).split(",")) {
          String trimmed = entry.strip();
          if (registry.findCommunity(trimmed).isPresent()) {
            relTo.add(trimmed);
          } else {
            int at2 = offset + (entry.length() - entry.stripLeading().length());
            PartyCode code = parseParty(trimmed, at2);
            if (registry.findParty(code).isEmpty()) {
              throw bad(trimmed, at2, "unknown party or community in REL TO");
            }
            relTo.add(code.value());
          }
          offset += entry.length() + 1;
        }
      } else {
        throw bad(segment, span[0], "unknown control marking", "expected REL TO, NOFORN or ORCON");
      }
    }
    if (noforn && relTo != null) {
      throw bad("NOFORN", 0, "NOFORN contradicts REL TO");
    }
    if (noforn) {
      releasability = Releasability.noforn();
    } else if (relTo != null) {
      releasability = Releasability.relTo(relTo);
    }
    StringBuilder canonical = new StringBuilder();
    canonical.append(originator.equals(USA) && !foreign ? level.code().replace('_', ' ') : "//" + originator.value() + " " + level.code());
    if (relTo != null) {
      canonical.append("//REL TO ").append(String.join(", ", relTo));
    }
    if (noforn) {
      canonical.append("//NOFORN");
    }
    if (orcon) {
      canonical.append("//ORCON");
    }
    return new Marking(originator, level, releasability, orcon, canonical.toString());
  }

  private static PartyCode parseParty(String token, int index) {
    try {
      return PartyCode.parse(token);
    } catch (InvalidInputException e) {
      throw bad(token, index, "malformed party code");
    }
  }

  private static InvalidInputException bad(String token, int index, String problem) {
    return bad(token, index, problem, null);
  }

  private static InvalidInputException bad(String token, int index, String problem, String hint) {
    return InvalidInputException.invalid("BAD_MARKING", token,
        "bad marking: " + problem + " '" + token + "' at index " + index + (hint == null ? "" : " (" + hint + ")"));
  }
}
