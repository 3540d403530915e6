package org.pactbridge.world;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;

/** A LOGISTICS agreement's {@code logistics:} terms in the world format: see docs/logistics.md. */
final class LogisticsSection extends ProvisionsSection {
  static final LogisticsSection INSTANCE = new LogisticsSection();

  private LogisticsSection() {
    super("logistics", "only a LOGISTICS agreement has logistics terms");
  }

  @Override
  Provisions read(GeneralTerms general, Yaml node, List<PartyCode> members, ReadContext context) {
    return new LogisticsProvisions(general, node == null ? Optional.empty() : Optional.of(terms(node, members, context)));
  }

  private static LogisticsTerms terms(Yaml node, List<PartyCode> members, ReadContext context) {
    Map<String, Yaml> fields = node.requireOnly(Set.of("categories", "excluded", "conditions", "activities", "areaRestrictions",
        "reimbursement", "settlementPeriod", "settlementAssumed", "assumed", "sources", "note"));
    LogisticsTerms.Builder terms = LogisticsTerms.builder();
    terms.categories(Fields.slugs(Fields.required(node, fields, "categories"), Category::parse));
    if (fields.containsKey("excluded")) {
      terms.exclude(Fields.slugs(fields.get("excluded"), Category::parse));
    }
    terms.activities(Fields.slugs(Fields.required(node, fields, "activities"), Activity::parse));
    if (fields.containsKey("conditions")) {
      for (Yaml conditionNode : fields.get("conditions").sequence()) {
        Map<String, Yaml> condition = conditionNode.requireOnly(Set.of("category", "onlyIn", "assumed", "sources", "note"));
        Category category = Fields.slug(Fields.required(conditionNode, condition, "category"), Category::parse);
        terms.onlyIn(category, Fields.slugs(Fields.required(conditionNode, condition, "onlyIn"), Activity::parse),
            Fields.flag(condition, "assumed"));
        context.sourceIds(condition.get("sources"));
      }
    }
    if (fields.containsKey("areaRestrictions")) {
      for (Yaml restrictionNode : fields.get("areaRestrictions").sequence()) {
        terms.areaRestriction(areaRestriction(restrictionNode, members, context));
      }
    }
    terms.reimbursementModes(Fields.slugs(Fields.required(node, fields, "reimbursement"), ReimbursementMode::parse));
    Yaml periodNode = Fields.required(node, fields, "settlementPeriod");
    Period period;
    try {
      period = Period.parse(periodNode.text());
    } catch (DateTimeParseException e) {
      throw periodNode.error("malformed settlement period '" + periodNode.text() + "' (an ISO 8601 period such as P90D or P1Y)");
    }
    if (period.isNegative() || period.isZero()) {
      throw periodNode.error("the settlement period must be positive, found " + periodNode.text());
    }
    terms.settlementPeriod(period, Fields.flag(fields, "settlementAssumed"));
    terms.assumed(Fields.flag(fields, "assumed")).sources(context.sourceIds(fields.get("sources"))).note(Fields.optionalText(fields, "note"));
    try {
      return terms.build();
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static AreaRestriction areaRestriction(Yaml node, List<PartyCode> members, ReadContext context) {
    Map<String, Yaml> fields = node.requireOnly(Set.of("supplier", "supporting", "rule", "zones", "from", "assumed", "sources", "note"));
    PartyCode supplier = context.member(Fields.required(node, fields, "supplier"), members, " is not a party to this agreement");
    PartyCode supporting = null;
    if (fields.containsKey("supporting")) {
      supporting = context.member(fields.get("supporting"), members, " is not a party to this agreement");
    }
    AreaRestriction.Rule rule = Fields.enumValue(Fields.required(node, fields, "rule"), AreaRestriction.Rule.class);
    List<String> zones = new ArrayList<>();
    for (Yaml zone : Fields.required(node, fields, "zones").sequence()) {
      if (!zone.text().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw zone.error("a zone name is a lower-case slug such as korean-peninsula, found '" + zone.text() + "'");
      }
      zones.add(zone.text());
    }
    if (zones.isEmpty()) {
      throw fields.get("zones").error("an area restriction names at least one zone");
    }
    // a restriction read from a partial date starts at the earliest instant: the conservative end for a limit
    Instant from = fields.containsKey("from") && !fields.get("from").isNull() ? Fields.date(fields.get("from")).earliest() : null;
    return new AreaRestriction(supplier, supporting, rule, zones, from, Fields.flag(fields, "assumed"), context.sourceIds(fields.get("sources")),
        Fields.optionalText(fields, "note"));
  }

  @Override
  void write(StringBuilder out, String indent, Provisions provisions) {
    LogisticsTerms terms = ((LogisticsProvisions) provisions).logistics().orElse(null);
    if (terms == null) {
      return;
    }
    String inner = indent + "  ";
    out.append(indent).append("logistics:\n");
    out.append(inner).append("categories: ").append(WorldWriter.inline(terms.categories().stream().map(Category::slug).toList())).append('\n');
    out.append(inner).append("excluded: ").append(WorldWriter.inline(terms.excluded().stream().map(Category::slug).toList())).append('\n');
    if (!terms.conditions().isEmpty()) {
      out.append(inner).append("conditions:\n");
      for (Map.Entry<Category, Set<Activity>> condition : terms.conditions().entrySet()) {
        out.append(inner).append("  - {category: ").append(WorldWriter.quote(condition.getKey().slug())).append(", onlyIn: ")
            .append(WorldWriter.inline(condition.getValue().stream().map(Activity::slug).toList()));
        if (terms.conditionsAssumed()) {
          out.append(", assumed: true");
        }
        out.append("}\n");
      }
    }
    out.append(inner).append("activities: ").append(WorldWriter.inline(terms.activities().stream().map(Activity::slug).toList())).append('\n');
    if (!terms.areaRestrictions().isEmpty()) {
      out.append(inner).append("areaRestrictions:\n");
      for (AreaRestriction area : terms.areaRestrictions()) {
        out.append(inner).append("  - {supplier: ").append(area.supplier());
        if (area.supporting() != null) {
          out.append(", supporting: ").append(area.supporting());
        }
        out.append(", rule: ").append(area.rule()).append(", zones: ").append(WorldWriter.inline(area.zones()));
        if (area.from() != null) {
          out.append(", from: ").append(WorldWriter.quote(WorldWriter.date(area.from())));
        }
        if (area.assumed()) {
          out.append(", assumed: true");
        }
        if (!area.sources().isEmpty()) {
          out.append(", sources: ").append(WorldWriter.inline(area.sources()));
        }
        if (!area.note().isEmpty()) {
          out.append(", note: ").append(WorldWriter.quote(area.note()));
        }
        out.append("}\n");
      }
    }
    out.append(inner).append("reimbursement: ").append(WorldWriter.inline(terms.reimbursementModes().stream().map(ReimbursementMode::slug).toList()))
        .append('\n');
    out.append(inner).append("settlementPeriod: ").append(WorldWriter.quote(terms.settlementPeriod().toString())).append('\n');
    if (terms.settlementAssumed()) {
      out.append(inner).append("settlementAssumed: true\n");
    }
    if (terms.assumed()) {
      out.append(inner).append("assumed: true\n");
    }
    WorldWriter.list(out, inner, "sources", terms.sources());
    if (!terms.note().isEmpty()) {
      out.append(inner).append("note: ").append(WorldWriter.quote(terms.note())).append('\n');
    }
  }
}
