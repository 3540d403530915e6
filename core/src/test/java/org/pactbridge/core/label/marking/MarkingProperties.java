package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;

/**
 * Properties of the marking reader: on arbitrary and structured random text it throws nothing but its
 * parse exception and {@code format(parse(x))} is a fixed point; canonical markings built from the rule
 * catalogue of {@code docs/markings.md} (see {@link Canonical}) read clean and are their own canonical
 * form; and each single mutation that breaks one rule reports that rule's code and no other.
 */
class MarkingProperties {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  @Property(tries = 3000)
  void arbitraryTextThrowsNothingButTheParseException(@ForAll("markings") String text) {
    ParsedMarking read = PARSER.read(text);
    assertThat(read.diagnostics()).allSatisfy(d -> assertThat(d.index()).isBetween(0, text.length()));
    try {
      PARSER.parse(text);
    } catch (MarkingParseException expected) {
      assertThat(expected.index()).isBetween(0, text.length());
    }
  }

  @Property(tries = 3000)
  void formatOfParseIsAFixedPoint(@ForAll("markings") String text) {
    ParsedMarking read = PARSER.read(text);
    Statistics.label("parsed").collect(read.label() != null);
    if (read.label() == null) {
      return;
    }
    String canonical = read.canonical().orElseThrow();
    ParsedMarking again = PARSER.read(canonical);
    assertThat(again.hasErrors()).as("errors in %s from %s: %s", canonical, text, again.diagnostics()).isFalse();
    SecurityLabel label = again.label();
    assertThat(label).isEqualTo(read.label());
    assertThat(again.canonical()).contains(canonical);
  }

  @Provide
  Arbitrary<String> markings() {
    Arbitrary<String> classification = Arbitraries.of("SECRET", "TOP SECRET", "S", "TS", "UNCLASSIFIED", "U", "CONFIDENTIAL",
        "//KOR II", "//JPN 極秘", "//NS", "//NATO SECRET", "//COSMIC TOP SECRET", "//GBR S", "//JOINT SECRET USA GBR",
        "//JOINT S GBR USA", "군사 Ⅱ급비밀", "極秘", "SERCET", "//ITA RESTRICTED", "");
    Arbitrary<String> block = Arbitraries.of("NOFORN", "NF", "ORCON", "OC", "REL TO USA, GBR", "REL TO GBR, USA, NATO",
        "REL TO USA, FVEY", "ORCON/NOFORN", "OC/NF", "SI", "TK", "SI/TK", "HCS-O-P", "SI-G ABCD", "SAR-BP", "SAR-BP/CD-X 1",
        "RD", "ATOMAL", "FGI NATO", "FGI", "EXDIS", "NODIS", "RELIDO", "IMCON", "PROPIN/REL TO USA, KOR", "25X1", "XYZZY",
        "DEA SENSITIVE", "LIMDIS", "REL TO", "", "/", "NOFORN/ORCON", "SPECIAL ACCESS REQUIRED-BUTTER POPCORN");
    Arbitrary<String> structured = Arbitraries.oneOf(
        classification.flatMap(head -> block.list().ofMaxSize(4).map(blocks -> join(head, blocks))),
        classification.flatMap(head -> block.list().ofMaxSize(4).map(blocks -> "(" + join(head, blocks) + ")")));
    return Arbitraries.oneOf(structured, structured, Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars("()/ ,-SECRTNOFU").ofMaxLength(25));
  }

  // ---- canonical markings from the rule catalogue, and single rule-breaking mutations --------------

  @Property(tries = 1500)
  void everyCanonicalMarkingReadsCleanAndIsItsOwnCanonicalForm(@ForAll("canonicalMarkings") Canonical marking) {
    String text = marking.render();
    ParsedMarking read = PARSER.read(text);
    assertThat(read.diagnostics()).as("findings of %s", text).isEmpty();
    assertThat(read.canonical()).contains(text);
  }

  @Property(tries = 200)
  void everyValidExampleOfTheRuleTableIsCanonicalInBothForms(@ForAll("validExamples") String valid) {
    ParsedMarking read = PARSER.read(valid);
    assertThat(read.diagnostics()).as("findings of %s", valid).isEmpty();
    assertThat(read.canonical()).contains(valid);
    MarkingForm other = read.form() == MarkingForm.BANNER ? MarkingForm.PORTION : MarkingForm.BANNER;
    String otherForm = MarkingFormatter.format(read.label(), other);
    ParsedMarking again = PARSER.read(otherForm);
    assertThat(again.diagnostics()).as("findings of %s, the %s form of %s", otherForm, other, valid).isEmpty();
    assertThat(again.canonical()).contains(otherForm);
    assertThat(again.label()).isEqualTo(read.label());
  }

  @Property(tries = 3000)
  void everySingleRuleBreakingMutationReportsThatRulesCode(@ForAll("canonicalMarkings") Canonical marking,
      @ForAll Mutation mutation) {
    Optional<String> mutated = mutation.apply(marking);
    Assume.that(mutated.isPresent());
    Statistics.label("mutation").collect(mutation);
    ParsedMarking read = PARSER.read(mutated.get());
    assertThat(read.diagnostics()).as("findings of %s (%s of %s)", mutated.get(), mutation, marking.render())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.code()).isEqualTo(mutation.code.code()));
  }

  @Provide
  Arbitrary<String> validExamples() {
    return Arbitraries.of(RuleCatalogue.rules().stream().map(RuleCatalogue.Rule::valid).distinct().toList());
  }

  /** The classifications of the catalogue: US by tier, NATO, and JOINT of the USA and one or two others. */
  enum Head {
    US_TS(4), US_S(3), US_C(2), US_U(0), NATO_CTS(4), NATO_NS(3), NATO_NC(2), JOINT_S(3), JOINT_TS(4);

    final int tier;

    Head(int tier) {
      this.tier = tier;
    }

    boolean us() {
      return name().startsWith("US_");
    }

    boolean nato() {
      return name().startsWith("NATO_");
    }

    boolean joint() {
      return name().startsWith("JOINT_");
    }
  }

  /**
   * A marking in canonical form, built from the vocabulary of the rule catalogue so that it keeps every
   * rule: SCI, SAR and AEA only on classified information and within their floors, the controls they
   * require added (NOFORN for HCS, RD, FRD and RD-SIGMA; ORCON for HCS-O and SI-G), NATO categories only
   * on NATO information or with FGI NATO, BOHEMIA and BALK only at COSMIC TOP SECRET, no NOFORN or HCS on
   * JOINT information, a JOINT REL TO naming every joint party, a US REL TO naming USA, RELIDO never with
   * NOFORN. {@link #render()} writes it as the register does, independently of the formatter.
   */
  record Canonical(boolean portion, Head head, List<String> joint, List<String> sci, List<String> sar, List<String> aea,
      boolean fgiNato, boolean orcon, boolean noforn, List<String> relTo, boolean relido, String nonIc) {

    String classification(boolean inPortion) {
      return switch (head) {
        case US_TS -> inPortion ? "TS" : "TOP SECRET";
        case US_S -> inPortion ? "S" : "SECRET";
        case US_C -> inPortion ? "C" : "CONFIDENTIAL";
        case US_U -> inPortion ? "U" : "UNCLASSIFIED";
        case NATO_CTS -> inPortion ? "//CTS" : "//COSMIC TOP SECRET";
        case NATO_NS -> inPortion ? "//NS" : "//NATO SECRET";
        case NATO_NC -> inPortion ? "//NC" : "//NATO CONFIDENTIAL";
        case JOINT_S -> "//JOINT " + (inPortion ? "S" : "SECRET") + " " + String.join(" ", joint);
        case JOINT_TS -> "//JOINT " + (inPortion ? "TS" : "TOP SECRET") + " " + String.join(" ", joint);
      };
    }

    /** The blocks after the classification, each a list of entries. */
    List<List<String>> blocks() {
      List<List<String>> blocks = new ArrayList<>();
      if (!sci.isEmpty()) {
        blocks.add(sci);
      }
      if (!sar.isEmpty()) {
        List<String> programs = new ArrayList<>(sar);
        programs.set(0, "SAR-" + programs.get(0));
        blocks.add(programs);
      }
      if (!aea.isEmpty()) {
        blocks.add(aea.stream().map(entry -> !portion ? entry : entry.startsWith("RD-SIGMA ") ? "RD-SG " + entry.substring(9)
            : entry.equals("RD-CNWDI") ? "RD-N" : entry).toList());
      }
      if (fgiNato) {
        blocks.add(List.of("FGI NATO"));
      }
      List<String> dissem = new ArrayList<>();
      if (orcon) {
        dissem.add(portion ? "OC" : "ORCON");
      }
      if (noforn) {
        dissem.add(portion ? "NF" : "NOFORN");
      }
      if (!relTo.isEmpty()) {
        dissem.add("REL TO " + String.join(", ", relTo));
      }
      if (relido) {
        dissem.add("RELIDO");
      }
      if (!dissem.isEmpty()) {
        blocks.add(dissem);
      }
      if (!nonIc.isEmpty()) {
        blocks.add(List.of(portion ? Map.of("EXDIS", "XD", "NODIS", "ND", "LIMDIS", "DS").get(nonIc) : nonIc));
      }
      return blocks;
    }

    String render() {
      return write(classification(portion), blocks());
    }

    String write(String classification, List<List<String>> blocks) {
      StringBuilder out = new StringBuilder(classification);
      for (List<String> block : blocks) {
        out.append("//").append(String.join("/", block));
      }
      return portion ? "(" + out + ")" : out.toString();
    }

    boolean requiresNoforn() {
      return sci.stream().anyMatch(entry -> entry.startsWith("HCS"))
          || aea.stream().anyMatch(entry -> entry.startsWith("RD") || entry.equals("FRD"))
          || nonIc.equals("EXDIS") || nonIc.equals("NODIS");
    }

    boolean requiresOrcon() {
      return sci.stream().anyMatch(entry -> entry.startsWith("HCS-O") || entry.startsWith("SI-G"));
    }
  }

  private static final List<List<String>> SCI = List.of(List.of(), List.of("SI"), List.of("TK"), List.of("SI", "TK"),
      List.of("SI-G ABCD"), List.of("SI-G ABCD EFGH", "TK"), List.of("HCS-P"), List.of("HCS-O-P"), List.of("HCS-O-P", "SI-G"),
      List.of("RSV-ABC"), List.of("EL"));
  private static final List<List<String>> SAR = List.of(List.of(), List.of("BP"), List.of("BP", "CD-X 1"));
  private static final List<List<String>> AEA = List.of(List.of(), List.of("RD"), List.of("FRD"), List.of("RD-CNWDI"),
      List.of("RD-SIGMA 14"), List.of("TFNI"), List.of("ATOMAL"), List.of("RD", "ATOMAL"), List.of("BOHEMIA"), List.of("BALK"));
  private static final List<String> FOREIGN = List.of("AUS", "CAN", "DEU", "GBR", "JPN", "KOR", "NZL", "FVEY", "NATO");
  private static final List<List<String>> JOINT = List.of(List.of("USA", "GBR"), List.of("USA", "CAN", "GBR"),
      List.of("USA", "AUS", "KOR"));

  @Provide
  Arbitrary<Canonical> canonicalMarkings() {
    Arbitrary<List<String>> foreign = Arbitraries.of(FOREIGN).set().ofMinSize(1).ofMaxSize(4)
        .map(set -> set.stream().sorted(Releasability.CANONICAL_ORDER).toList());
    return Combinators.combine(Arbitraries.of(Head.class), Arbitraries.of(JOINT), Arbitraries.of(SCI), Arbitraries.of(SAR),
        Arbitraries.of(AEA), Arbitraries.integers().between(0, 2), foreign, Arbitraries.integers().between(0, 15))
        .as((head, joint, sci, sar, aea, releasability, others, flags) -> build(head, joint, sci, sar, aea, releasability,
            others, flags));
  }

  /** Keeps every rule of the catalogue: drops what the head cannot carry and adds what the rest requires. */
  private static Canonical build(Head head, List<String> joint, List<String> sci, List<String> sar, List<String> aea,
      int releasability, List<String> others, int flags) {
    boolean portion = (flags & 1) != 0;
    boolean classified = head.tier >= 2;
    List<String> sciKept = classified && !(head.joint() && sci.stream().anyMatch(e -> e.startsWith("HCS"))) ? sci : List.of();
    List<String> sarKept = classified ? sar : List.of();
    boolean fgiNato = head.us() && (flags & 2) != 0;
    List<String> aeaKept = classified ? aea : List.of();
    boolean natoCategory = aeaKept.stream().anyMatch(e -> e.equals("ATOMAL") || e.equals("BOHEMIA") || e.equals("BALK"));
    boolean cosmicOnly = aeaKept.contains("BOHEMIA") || aeaKept.contains("BALK");
    if ((natoCategory && !head.nato() && !fgiNato) || (cosmicOnly && head != Head.NATO_CTS)
        || (aeaKept.contains("RD-SIGMA 14") && head.tier < 3) || (head.joint() && aeaKept.stream().anyMatch(e -> e.startsWith("RD")
        || e.equals("FRD")))) {
      aeaKept = List.of();
    }
    Canonical draft = new Canonical(portion, head, head.joint() ? joint : List.of(), sciKept, sarKept, aeaKept, fgiNato,
        false, false, List.of(), false, "");
    String nonIc = switch (flags >> 2) {
      case 1 -> head.joint() ? "" : "EXDIS";
      case 2 -> head.joint() ? "" : "NODIS";
      case 3 -> head.tier == 0 ? "LIMDIS" : "";
      default -> "";
    };
    boolean noforn = !head.joint() && (draft.requiresNoforn() || releasability == 1 || !nonIc.isEmpty() && !nonIc.equals("LIMDIS"));
    List<String> relTo = List.of();
    if (head.joint()) {
      TreeSet<String> list = new TreeSet<>(Releasability.CANONICAL_ORDER);
      list.addAll(joint);
      if (releasability == 2) {
        list.addAll(others);
      }
      relTo = List.copyOf(list);
    } else if (!noforn && releasability == 2) {
      TreeSet<String> list = new TreeSet<>(Releasability.CANONICAL_ORDER);
      list.add("USA");
      list.addAll(others);
      if (head.nato()) {
        list.add("NATO");
      }
      relTo = List.copyOf(list);
    }
    boolean orcon = draft.requiresOrcon() || (head.tier >= 1 && (flags & 4) != 0);
    boolean relido = !noforn && !orcon && (flags & 8) != 0;
    return new Canonical(portion, head, draft.joint(), sciKept, sarKept, aeaKept, fgiNato, orcon, noforn, relTo, relido, nonIc);
  }

  /** One change that breaks exactly one rule of the catalogue, and the code that rule reports. */
  enum Mutation {
    REL_TO_OUT_OF_ORDER(DiagnosticCode.NON_CANONICAL_ORDER) {
      @Override
      Optional<String> apply(Canonical m) {
        if (m.relTo().size() < 2) {
          return Optional.empty();
        }
        List<String> swapped = new ArrayList<>(m.relTo());
        Collections.swap(swapped, 0, swapped.size() - 1);
        return Optional.of(m.render().replace("REL TO " + String.join(", ", m.relTo()), "REL TO " + String.join(", ", swapped)));
      }
    },
    CLASSIFICATION_IN_THE_OTHER_FORM(DiagnosticCode.BANNER_USES_PORTION_FORM) {
      @Override
      Optional<String> apply(Canonical m) {
        if (!m.head().us() || m.portion()) {
          return Optional.empty();
        }
        return Optional.of(m.write(m.classification(true), m.blocks()));
      }
    },
    NOFORN_IN_THE_PORTION_FORM_OF_A_BANNER(DiagnosticCode.BANNER_USES_PORTION_FORM) {
      @Override
      Optional<String> apply(Canonical m) {
        return m.noforn() && !m.portion() ? Optional.of(m.render().replace("NOFORN", "NF")) : Optional.empty();
      }
    },
    NOFORN_IN_THE_BANNER_FORM_OF_A_PORTION(DiagnosticCode.PORTION_USES_BANNER_FORM) {
      @Override
      Optional<String> apply(Canonical m) {
        return m.noforn() && m.portion() ? Optional.of(m.render().replace("NF", "NOFORN")) : Optional.empty();
      }
    },
    REQUIRED_NOFORN_DROPPED(DiagnosticCode.REQUIRES_NOFORN) {
      @Override
      Optional<String> apply(Canonical m) {
        return m.requiresNoforn() ? Optional.of(with(m, false, m.orcon()).render()) : Optional.empty();
      }
    },
    REQUIRED_ORCON_DROPPED(DiagnosticCode.REQUIRES_ORCON) {
      @Override
      Optional<String> apply(Canonical m) {
        return m.requiresOrcon() ? Optional.of(with(m, m.noforn(), false).render()) : Optional.empty();
      }
    },
    NOFORN_ADDED_TO_REL_TO(DiagnosticCode.CONFLICTING_RELEASABILITY) {
      @Override
      Optional<String> apply(Canonical m) {
        if (m.head().joint() || m.relTo().isEmpty()) {
          return Optional.empty();
        }
        String relTo = "REL TO " + String.join(", ", m.relTo());
        return Optional.of(m.render().replace(relTo, (m.portion() ? "NF/" : "NOFORN/") + relTo));
      }
    },
    RELIDO_ADDED_TO_NOFORN(DiagnosticCode.CONFLICTING_RELEASABILITY) {
      @Override
      Optional<String> apply(Canonical m) {
        String noforn = m.portion() ? "NF" : "NOFORN";
        // RELIDO also excludes ORCON: only where there is none, so that one rule breaks
        return m.noforn() && !m.orcon() ? Optional.of(m.render().replace(noforn, noforn + "/RELIDO")) : Optional.empty();
      }
    },
    NODIS_ADDED_TO_EXDIS(DiagnosticCode.CONFLICTING_CONTROLS) {
      @Override
      Optional<String> apply(Canonical m) {
        String exdis = m.portion() ? "XD" : "EXDIS";
        return m.nonIc().equals("EXDIS") ? Optional.of(m.render().replace(exdis, exdis + (m.portion() ? "/ND" : "/NODIS")))
            : Optional.empty();
      }
    },
    CLASSIFICATION_LOWERED_BELOW_SCI_OR_SAR(DiagnosticCode.BELOW_FLOOR) {
      @Override
      Optional<String> apply(Canonical m) {
        if (!m.head().us() || (m.sci().isEmpty() && m.sar().isEmpty())) {
          return Optional.empty();
        }
        return Optional.of(m.write(m.portion() ? "U" : "UNCLASSIFIED", m.blocks()));
      }
    },
    JOINT_PARTY_LEFT_OUT_OF_REL_TO(DiagnosticCode.JOINT_REL_TO_MISSING_PARTY) {
      @Override
      Optional<String> apply(Canonical m) {
        if (!m.head().joint()) {
          return Optional.empty();
        }
        List<String> fewer = new ArrayList<>(m.relTo());
        fewer.remove(m.joint().get(m.joint().size() - 1));
        return Optional.of(m.render().replace("REL TO " + String.join(", ", m.relTo()), "REL TO " + String.join(", ", fewer)));
      }
    },
    USA_LEFT_OUT_OF_A_US_REL_TO(DiagnosticCode.REL_TO_WITHOUT_USA) {
      @Override
      Optional<String> apply(Canonical m) {
        if (!m.head().us() || m.relTo().isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(m.render().replace("REL TO USA, ", "REL TO "));
      }
    },
    SCI_BLOCK_MOVED_LAST(DiagnosticCode.NON_CANONICAL_ORDER) {
      @Override
      Optional<String> apply(Canonical m) {
        List<List<String>> blocks = new ArrayList<>(m.blocks());
        if (m.sci().isEmpty() || blocks.size() < 2) {
          return Optional.empty();
        }
        blocks.add(blocks.remove(0));
        return Optional.of(m.write(m.classification(m.portion()), blocks));
      }
    },
    BLANK_BEFORE_A_BLOCK(DiagnosticCode.NON_CANONICAL_SEPARATOR) {
      @Override
      Optional<String> apply(Canonical m) {
        List<List<String>> blocks = new ArrayList<>(m.blocks());
        if (blocks.isEmpty()) {
          return Optional.empty();
        }
        List<String> first = new ArrayList<>(blocks.get(0));
        first.set(0, " " + first.get(0));
        blocks.set(0, first);
        return Optional.of(m.write(m.classification(m.portion()), blocks));
      }
    },
    SCI_COMPARTMENTS_OUT_OF_ORDER(DiagnosticCode.NON_CANONICAL_ORDER) {
      @Override
      Optional<String> apply(Canonical m) {
        return m.sci().contains("HCS-O-P") ? Optional.of(m.render().replace("HCS-O-P", "HCS-P-O")) : Optional.empty();
      }
    },
    FGI_NATO_DROPPED_FROM_A_NATO_CATEGORY(DiagnosticCode.NATO_CATEGORY_WITHOUT_NATO) {
      @Override
      Optional<String> apply(Canonical m) {
        return m.fgiNato() && m.aea().contains("ATOMAL") ? Optional.of(m.render().replace("//FGI NATO", "")) : Optional.empty();
      }
    },
    NOFORN_ON_JOINT(DiagnosticCode.NOT_WITH_JOINT) {
      @Override
      Optional<String> apply(Canonical m) {
        if (!m.head().joint()) {
          return Optional.empty();
        }
        Canonical noforn = new Canonical(m.portion(), m.head(), m.joint(), m.sci(), m.sar(), m.aea(), m.fgiNato(), m.orcon(),
            true, List.of(), false, m.nonIc());
        return Optional.of(noforn.render());
      }
    };

    final DiagnosticCode code;

    Mutation(DiagnosticCode code) {
      this.code = code;
    }

    abstract Optional<String> apply(Canonical marking);

    private static Canonical with(Canonical m, boolean noforn, boolean orcon) {
      return new Canonical(m.portion(), m.head(), m.joint(), m.sci(), m.sar(), m.aea(), m.fgiNato(), orcon, noforn, m.relTo(),
          m.relido(), m.nonIc());
    }
  }

  private static String join(String head, List<String> blocks) {
    StringBuilder out = new StringBuilder(head);
    for (String block : blocks) {
      out.append("//").append(block);
    }
    return out.toString();
  }
}
