package org.pactbridge.core.label.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.PartyCode;

/**
 * Writes a label as a canonical CAPCO-style marking: classification, then the SCI, SAR, AEA, FGI,
 * dissemination and non-IC dissemination blocks, each separated by {@code //}; REL TO lists {@code USA}
 * first, then trigraphs alphabetically, then tetragraphs. A US classification is written bare, a NATO
 * one after {@code //}, any other party's as {@code //PARTY LEVEL}, a JOINT one as
 * {@code //JOINT LEVEL P1 P2}. STANAG 4774 contexts and administrative categories have no CAPCO form and
 * are not written. Stateless and thread-safe; cost linear in the label's size.
 */
public final class MarkingFormatter {
  private MarkingFormatter() {}

  public static String banner(SecurityLabel label) {
    return format(label, MarkingForm.BANNER);
  }

  public static String portion(SecurityLabel label) {
    return format(label, MarkingForm.PORTION);
  }

  public static String format(SecurityLabel label, MarkingForm form) {
    boolean portion = form == MarkingForm.PORTION;
    List<String> blocks = new ArrayList<>(6);
    blocks.add(classification(label, portion));

    List<String> sci = new ArrayList<>();
    List<String> sar = new ArrayList<>();
    List<String> aea = new ArrayList<>();
    boolean sarLong = false;
    for (Compartment compartment : label.compartments()) {
      switch (compartment.kind()) {
        case SCI -> sci.add(compartment.value());
        case SAR -> {
          sar.add(compartment.value());
          sarLong |= compartment.longForm();
        }
        case AEA -> aea.add(aeaText(compartment.value(), portion));
      }
    }
    if (!sci.isEmpty()) {
      blocks.add(String.join("/", sci));
    }
    if (!sar.isEmpty()) {
      blocks.add((sarLong && !portion ? "SPECIAL ACCESS REQUIRED-" : "SAR-") + String.join("/", sar));
    }
    if (!aea.isEmpty()) {
      blocks.add(String.join("/", aea));
    }
    if (label.fgi()) {
      blocks.add(label.fgiSources().isEmpty() ? "FGI" : "FGI " + String.join(" ", label.fgiSources()));
    }
    TreeMap<Integer, String> dissemByKey = new TreeMap<>();
    List<String> nonIc = new ArrayList<>();
    for (Control control : label.controls()) {
      if (control.block() == Control.Block.NON_IC) {
        nonIc.add(control.form(portion));
      } else {
        dissemByKey.put(Capco.dissemKey(control), control.form(portion));
      }
    }
    if (label.releasability().isNoforn()) {
      dissemByKey.put(Capco.NOFORN_KEY, portion ? "NF" : "NOFORN");
    } else if (label.releasability().hasRelTo()) {
      dissemByKey.put(Capco.REL_TO_KEY, "REL TO " + String.join(", ", label.releasability().relToEntries()));
    }
    List<String> dissem = new ArrayList<>(dissemByKey.values());
    if (!dissem.isEmpty()) {
      blocks.add(String.join("/", dissem));
    }
    if (!nonIc.isEmpty()) {
      blocks.add(String.join("/", nonIc));
    }
    String text = String.join("//", blocks);
    return portion ? "(" + text + ")" : text;
  }

  private static String classification(SecurityLabel label, boolean portion) {
    PartyCode party = label.level().party();
    String level = Capco.levelText(label.level(), portion);
    if (label.joint()) {
      List<String> parties = label.originators().stream().map(PartyCode::value).toList();
      return "//JOINT " + level + " " + String.join(" ", parties);
    }
    if (party.equals(Capco.USA)) {
      return level;
    }
    if (party.equals(Capco.NATO) && Capco.wordForCode(Capco.NATO_WORDS, label.level().code()).isPresent()) {
      return "//" + level;
    }
    return "//" + party.value() + " " + level;
  }

  private static String aeaText(String value, boolean portion) {
    if (!portion) {
      return value;
    }
    if (value.startsWith("RD-SIGMA ")) {
      return "RD-SG " + value.substring("RD-SIGMA ".length());
    }
    if (value.startsWith("FRD-SIGMA ")) {
      return "FRD-SG " + value.substring("FRD-SIGMA ".length());
    }
    return Capco.aea(value).map(Capco.Aea::portion).orElse(value);
  }
}
