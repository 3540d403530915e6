package org.pactbridge.core.label.marking;

import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.marking.MarkingLexer.Piece;
import org.pactbridge.core.label.marking.Reading.Category;
import org.pactbridge.core.label.marking.Reading.Entry;
import org.pactbridge.core.party.PartyCode;

/**
 * The CAPCO rules checked once a whole marking is read: each control within its classification range
 * (floors and ceilings on the CAPCO tier), the controls that need others (HCS, RD and FRD need NOFORN,
 * HCS-O and SI-G need ORCON, ATOMAL, BOHEMIA and BALK need NATO information or FGI NATO), the ones that
 * exclude each other (NODIS and EXDIS, ORCON and ORCON-USGOV, TFNI and RD; NOFORN with REL TO, RELIDO or
 * DISPLAY ONLY; LES NOFORN and SBU NOFORN with REL TO), what JOINT information may not carry (NOFORN,
 * HCS), a REL TO list that names its originators (every joint party; USA on US information), and the
 * canonical order of blocks and entries. Each rule is a row of the rule catalogue in
 * {@code docs/markings.md}. Stateless; cost linear in the number of entries.
 */
final class MarkingRules {
  private MarkingRules() {}

  static void check(Reading reading) {
    checkRanges(reading);
    checkOrder(reading);
  }

  private static void checkRanges(Reading reading) {
    int tier = reading.level == null ? Integer.MIN_VALUE : Capco.tier(reading.level);
    for (int i = 0; i < reading.controls.size(); i++) {
      Control control = reading.controls.get(i);
      checkTier(reading, control.form(reading.portion), control.floor(), control.ceiling(), tier, reading.controlIndexes.get(i));
    }
    boolean rd = false;
    int tfniIndex = -1;
    for (int i = 0; i < reading.compartments.size(); i++) {
      Compartment compartment = reading.compartments.get(i);
      int index = reading.compartmentIndexes.get(i);
      String value = compartment.value();
      switch (compartment.kind()) {
        case SCI -> {
          checkTier(reading, value, Capco.SCI_FLOOR, 4, tier, index);
          String system = compartment.system();
          if (system.equals("HCS")) {
            if (reading.joint) {
              // HCS would need NOFORN, which JOINT information cannot carry: one finding, not two
              reading.report(DiagnosticCode.NOT_WITH_JOINT, index, "'" + value + "' is not used on JOINT information");
            } else {
              requireNoforn(reading, value, index);
            }
            if (hasCompartment(value, "O")) {
              requireOrcon(reading, value, index);
            }
          }
          if (system.equals("SI") && hasCompartment(value, "G")) {
            requireOrcon(reading, value, index);
          }
        }
        case SAR -> checkTier(reading, "SAR-" + value, Capco.SAR_FLOOR, 4, tier, index);
        case AEA -> {
          if (value.startsWith("RD-SIGMA") || value.startsWith("FRD-SIGMA")) {
            checkTier(reading, value, Capco.SIGMA_FLOOR, 4, tier, index);
            requireNoforn(reading, value, index);
            rd = true;
            continue;
          }
          Capco.Aea aea = Capco.aea(value).orElseThrow();
          int at = aea.nato() ? reading.classificationIndex : index;
          checkTier(reading, aea.banner(), aea.floor(), aea.ceiling(), tier, at);
          if (aea.nato()) {
            requireNato(reading, aea.form(reading.portion), index);
          }
          if (aea.requiresNoforn()) {
            requireNoforn(reading, value, index);
            rd = true;
          }
          if (value.equals("TFNI")) {
            tfniIndex = index;
          }
        }
      }
    }
    if (rd && tfniIndex >= 0) {
      reading.report(DiagnosticCode.CONFLICTING_CONTROLS, tfniIndex, "'TFNI' is not used with RD or FRD: RD and FRD take precedence");
    }
    exclusive(reading, Control.NODIS, Control.EXDIS, DiagnosticCode.CONFLICTING_CONTROLS);
    exclusive(reading, Control.ORCON, Control.ORCON_USGOV, DiagnosticCode.CONFLICTING_CONTROLS);
    exclusive(reading, Control.ORCON, Control.RELIDO, DiagnosticCode.CONFLICTING_CONTROLS);
    exclusive(reading, Control.ORCON_USGOV, Control.RELIDO, DiagnosticCode.CONFLICTING_CONTROLS);
    exclusive(reading, Control.RELIDO, Control.DISPLAY_ONLY, DiagnosticCode.CONFLICTING_RELEASABILITY);
    for (Control stateOnly : List.of(Control.EXDIS, Control.NODIS)) {
      int at = indexOf(reading, stateOnly);
      if (at >= 0) {
        requireNoforn(reading, stateOnly.form(reading.portion), at);
      }
    }
    if (reading.noforn && reading.relTo != null && reading.nofornIndex > reading.relToIndex && reading.relToIndex >= 0) {
      reading.report(DiagnosticCode.CONFLICTING_RELEASABILITY, reading.nofornIndex,
          "'NOFORN' given with REL TO: an item is either NOFORN or releasable to one list");
    }
    if (reading.noforn) {
      for (Control control : List.of(Control.RELIDO, Control.DISPLAY_ONLY)) {
        int at = indexOf(reading, control);
        if (at >= 0) {
          reading.report(DiagnosticCode.CONFLICTING_RELEASABILITY, at, "'" + control.form(reading.portion) + "' releases "
              + "to foreign parties, which '" + (reading.portion ? "NF" : "NOFORN") + "' forbids");
        }
      }
      if (reading.joint) {
        reading.report(DiagnosticCode.NOT_WITH_JOINT, reading.nofornIndex, "'" + (reading.portion ? "NF" : "NOFORN")
            + "' is not used on JOINT information: every joint party holds it (write REL TO the joint parties)");
      }
    }
    if (reading.relTo != null && !reading.relTo.isEmpty()) {
      for (Control control : List.of(Control.LES_NOFORN, Control.SBU_NOFORN)) {
        int at = indexOf(reading, control);
        if (at >= 0) {
          reading.report(DiagnosticCode.CONFLICTING_RELEASABILITY, at, "'" + control.form(reading.portion)
              + "' forbids foreign release, which the REL TO list grants");
        }
      }
    }
    if (reading.relTo != null && !reading.relTo.isEmpty() && reading.level != null) {
      checkRelToNamesOriginators(reading);
    }
  }

  /**
   * A REL TO list names its originators: on JOINT information every joint party (an error), on US
   * information USA (an error), on another party's information that party (a warning: agreements decide
   * whether another party's list must name it). A list that names only its single originator releases to
   * nobody and is an error.
   */
  private static void checkRelToNamesOriginators(Reading reading) {
    List<String> missing = reading.originators.stream().map(PartyCode::value)
        .filter(originator -> !reading.relTo.contains(originator)).toList();
    if (missing.isEmpty()) {
      if (!reading.joint && reading.relTo.size() == 1) {
        reading.report(DiagnosticCode.REL_TO_ONLY_ORIGINATOR, reading.relToIndex, "'REL TO " + reading.relTo.get(0)
            + "' names only the originator, so releases to nobody (write " + (reading.portion ? "NF" : "NOFORN")
            + ", or name the parties it is released to)");
      }
      return;
    }
    List<String> covering = new ArrayList<>(reading.relTo);
    covering.addAll(missing);
    covering.sort(Releasability.CANONICAL_ORDER);
    Reading.Fix fix = Reading.replace(reading.relToIndex, reading.relToListLength, String.join(", ", covering));
    String list = "'REL TO " + String.join(", ", reading.relTo) + "'";
    if (reading.joint) {
      reading.report(DiagnosticCode.JOINT_REL_TO_MISSING_PARTY, reading.relToIndex, list + " leaves out the joint "
          + (missing.size() == 1 ? "party " : "parties ") + String.join(", ", missing) + " (write REL TO "
          + String.join(", ", covering) + ")", fix);
    } else if (missing.contains(Capco.USA.value())) {
      reading.report(DiagnosticCode.REL_TO_WITHOUT_USA, reading.relToIndex, list + " on US information does not name USA "
          + "(write REL TO " + String.join(", ", covering) + ")", fix);
    } else {
      reading.report(DiagnosticCode.REL_TO_MISSING_ORIGINATOR, reading.relToIndex, list + " does not name the originator "
          + missing.get(0) + " (write REL TO " + String.join(", ", covering) + ")", fix);
    }
  }

  /** Two controls that exclude each other, reported at the first written. */
  private static void exclusive(Reading reading, Control one, Control other, DiagnosticCode code) {
    int a = indexOf(reading, one);
    int b = indexOf(reading, other);
    if (a >= 0 && b >= 0) {
      reading.report(code, Math.min(a, b), "'" + one.form(reading.portion) + "' and '" + other.form(reading.portion)
          + "' exclude each other");
    }
  }

  /**
   * A NATO special category qualifies NATO information: the classification is NATO's, or the marking
   * carries FGI NATO (NATO information in a US or other party's document).
   */
  private static void requireNato(Reading reading, String token, int index) {
    boolean nato = reading.originators.contains(Capco.NATO) || reading.fgiSources.contains(Capco.NATO.value());
    if (!nato) {
      reading.report(DiagnosticCode.NATO_CATEGORY_WITHOUT_NATO, index, "'" + token + "' qualifies NATO information: "
          + "write it with a NATO classification, or with FGI NATO", reading.fgi ? null : reading.appendBlock("FGI NATO"));
    }
  }

  private static int indexOf(Reading reading, Control control) {
    int at = reading.controls.indexOf(control);
    return at < 0 ? -1 : reading.controlIndexes.get(at);
  }

  private static boolean hasCompartment(String sci, String compartment) {
    List<Piece> segments = MarkingLexer.split(sci, 0, sci.length(), "-");
    for (int i = 1; i < segments.size(); i++) {
      if (MarkingLexer.head(segments.get(i).text()).equals(compartment)) {
        return true;
      }
    }
    return false;
  }

  private static void requireNoforn(Reading reading, String token, int index) {
    if (!reading.noforn) {
      String noforn = reading.portion ? "NF" : "NOFORN";
      reading.report(DiagnosticCode.REQUIRES_NOFORN, index, "'" + token + "' requires " + noforn, reading.appendBlock(noforn));
    }
  }

  private static void requireOrcon(Reading reading, String token, int index) {
    if (!reading.controls.contains(Control.ORCON)) {
      String orcon = Control.ORCON.form(reading.portion);
      reading.report(DiagnosticCode.REQUIRES_ORCON, index, "'" + token + "' requires " + orcon, reading.appendBlock(orcon));
    }
  }

  /**
   * Reports a marking used outside {@code [floor, ceiling]}. A tier of -1 (another party's classified
   * level) satisfies any floor and any ceiling above unclassified; {@code MIN_VALUE} (no level) is not checked.
   */
  private static void checkTier(Reading reading, String token, int floor, int ceiling, int tier, int index) {
    if (tier == Integer.MIN_VALUE || (tier >= floor && tier <= ceiling) || (tier < 0 && ceiling > 0)) {
      return;
    }
    String classification = "'" + reading.classificationToken + "' (" + reading.level.qualified() + ")";
    if (tier >= 0 && tier < floor) {
      reading.report(DiagnosticCode.BELOW_FLOOR, index, "'" + token + "' is not used at " + classification + " (needs "
          + tierName(floor) + " or higher)");
    } else if ((tier > ceiling || tier < 0) && ceiling == 0) {
      reading.report(DiagnosticCode.ABOVE_CEILING, index, "'" + token + "' is used only on unclassified information, not at "
          + classification);
    } else if (tier > ceiling) {
      reading.report(DiagnosticCode.ABOVE_CEILING, index, "'" + token + "' is not used above " + tierName(ceiling) + ", not at "
          + classification);
    }
  }

  private static String tierName(int tier) {
    return switch (tier) {
      case 0 -> "UNCLASSIFIED";
      case 1 -> "RESTRICTED";
      case 2 -> "CONFIDENTIAL";
      case 3 -> "SECRET";
      default -> "TOP SECRET";
    };
  }

  /** Blocks in classification//SCI//SAR//AEA//FGI//dissemination//non-IC order, one block per category. */
  private static void checkOrder(Reading reading) {
    List<Entry> entries = reading.entries;
    for (int i = 1; i < entries.size(); i++) {
      Entry previous = entries.get(i - 1);
      Entry entry = entries.get(i);
      int byCategory = entry.category().compareTo(previous.category());
      boolean outOfOrder = byCategory < 0
          || (byCategory == 0 && (entry.key() < previous.key()
              || (entry.key() == previous.key() && entry.category() != Category.DISSEM && entry.category() != Category.NON_IC
                  && entry.text().compareTo(previous.text()) < 0)));
      if (outOfOrder) {
        reading.report(DiagnosticCode.NON_CANONICAL_ORDER, entry.index(), "'" + entry.text() + "' is out of order: it belongs "
            + "before '" + previous.text() + "' (blocks go classification//SCI//SAR//AEA//FGI//dissemination//non-IC dissemination)");
      } else if (byCategory == 0 && entry.block() != previous.block()) {
        reading.report(DiagnosticCode.NON_CANONICAL_BLOCKS, entry.index(), "'" + entry.text() + "' belongs in the same block as '"
            + previous.text() + "': separate them with '/', not '//'");
      } else if (byCategory != 0 && entry.block() == previous.block()) {
        reading.report(DiagnosticCode.WRONG_BLOCK, entry.index(), "'" + entry.text() + "' is not in the block of '"
            + previous.text() + "': it starts a new block, separated by '//'", Reading.replace(entry.index() - 1, 1, "//"));
      }
    }
  }
}
