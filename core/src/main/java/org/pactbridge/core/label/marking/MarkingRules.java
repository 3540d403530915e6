package org.pactbridge.core.label.marking;

import java.util.List;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.marking.MarkingLexer.Piece;
import org.pactbridge.core.label.marking.Reading.Category;
import org.pactbridge.core.label.marking.Reading.Entry;
import org.pactbridge.core.party.PartyCode;

/**
 * The CAPCO rules checked once a whole marking is read: each control within its classification range
 * (floors and ceilings on the CAPCO tier), the controls that need others (HCS and RD need NOFORN, HCS-O
 * and SI-G need ORCON), the ones that exclude each other, a REL TO list that names every originator, and
 * the canonical order of blocks and entries. Stateless; cost linear in the number of entries.
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
            requireNoforn(reading, value, index);
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
    int nodis = indexOf(reading, Control.NODIS);
    int exdis = indexOf(reading, Control.EXDIS);
    if (nodis >= 0 && exdis >= 0) {
      reading.report(DiagnosticCode.CONFLICTING_CONTROLS, Math.min(nodis, exdis), "'" + Control.NODIS.form(reading.portion)
          + "' and '" + Control.EXDIS.form(reading.portion) + "' exclude each other");
    }
    if (reading.noforn && reading.relTo != null && reading.nofornIndex > reading.relToIndex && reading.relToIndex >= 0) {
      reading.report(DiagnosticCode.CONFLICTING_RELEASABILITY, reading.nofornIndex,
          "'NOFORN' given with REL TO: an item is either NOFORN or releasable to one list");
    }
    if (reading.relTo != null && !reading.relTo.isEmpty() && reading.level != null) {
      for (PartyCode originator : reading.originators) {
        if (!reading.relTo.contains(originator.value())) {
          reading.report(DiagnosticCode.REL_TO_MISSING_ORIGINATOR, reading.relToIndex, "'REL TO "
              + String.join(", ", reading.relTo) + "' does not name the originator " + originator + " (write REL TO "
              + originator + ", …)");
        }
      }
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
      reading.report(DiagnosticCode.REQUIRES_NOFORN, index, "'" + token + "' requires " + (reading.portion ? "NF" : "NOFORN"));
    }
  }

  private static void requireOrcon(Reading reading, String token, int index) {
    if (!reading.controls.contains(Control.ORCON)) {
      reading.report(DiagnosticCode.REQUIRES_ORCON, index, "'" + token + "' requires " + (reading.portion ? "OC" : "ORCON"));
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
        reading.report(DiagnosticCode.NON_CANONICAL_BLOCKS, entry.index(), "'" + entry.text() + "' starts a new block: separate it "
            + "from '" + previous.text() + "' with '//'");
      }
    }
  }
}
