package org.pactbridge.core.label.marking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * The fixed CAPCO vocabulary: US and NATO classification words in banner and portion form, the AEA and
 * NATO special categories, the SCI control systems, and the tiers used for floors and ceilings. Parties,
 * levels and communities themselves come from the {@link PartyDirectory}.
 */
final class Capco {
  static final PartyCode USA = PartyCode.of("USA");
  static final PartyCode NATO = PartyCode.of("NATO");

  /** A classification word and the level code it names. */
  record Word(String banner, String portion, String code, int tier) {}

  static final List<Word> US_WORDS = List.of(
      new Word("TOP SECRET", "TS", "TOP_SECRET", 4),
      new Word("SECRET", "S", "SECRET", 3),
      new Word("CONFIDENTIAL", "C", "CONFIDENTIAL", 2),
      new Word("RESTRICTED", "R", "RESTRICTED", 1),
      new Word("UNCLASSIFIED", "U", "UNCLASSIFIED", 0));

  static final List<Word> NATO_WORDS = List.of(
      new Word("COSMIC TOP SECRET", "CTS", "COSMIC_TOP_SECRET", 4),
      new Word("NATO SECRET", "NS", "NATO_SECRET", 3),
      new Word("NATO CONFIDENTIAL", "NC", "NATO_CONFIDENTIAL", 2),
      new Word("NATO RESTRICTED", "NR", "NATO_RESTRICTED", 1),
      new Word("NATO UNCLASSIFIED", "NU", "UNCLASSIFIED", 0));

  /**
   * NATO levels written as a US word or letter after {@code NATO} ({@code NATO TS}, {@code NATO TOP SECRET}),
   * and the NATO word each stands for: NATO's top level is COSMIC TOP SECRET.
   */
  static final Map<String, Word> NATO_LONGHAND = Map.of(
      "NATO TOP SECRET", NATO_WORDS.get(0),
      "NATO TS", NATO_WORDS.get(0),
      "NTS", NATO_WORDS.get(0),
      "NATO S", NATO_WORDS.get(1),
      "NATO C", NATO_WORDS.get(2),
      "NATO R", NATO_WORDS.get(3),
      "NATO U", NATO_WORDS.get(4));

  /** Retired NATO compounds and what to write instead. */
  static final Map<String, String> LEGACY_NATO = Map.ofEntries(
      Map.entry("COSMIC TOP SECRET ATOMAL", "//COSMIC TOP SECRET//ATOMAL"),
      Map.entry("COSMIC TOP SECRET BOHEMIA", "//COSMIC TOP SECRET//BOHEMIA"),
      Map.entry("COSMIC TOP SECRET BALK", "//COSMIC TOP SECRET//BALK"),
      Map.entry("NATO SECRET ATOMAL", "//NATO SECRET//ATOMAL"),
      Map.entry("NATO CONFIDENTIAL ATOMAL", "//NATO CONFIDENTIAL//ATOMAL"),
      Map.entry("CTSA", "//CTS//ATOMAL"),
      Map.entry("CTS-A", "//CTS//ATOMAL"),
      Map.entry("CTS-B", "//CTS//BOHEMIA"),
      Map.entry("CTS-BALK", "//CTS//BALK"),
      Map.entry("NSAT", "//NS//ATOMAL"),
      Map.entry("NS-A", "//NS//ATOMAL"),
      Map.entry("NCA", "//NC//ATOMAL"),
      Map.entry("NC-A", "//NC//ATOMAL"));

  /** An AEA marking or NATO special category, banner and portion forms, in canonical order. */
  record Aea(String banner, String portion, int floor, int ceiling, boolean requiresNoforn, boolean nato) {
    String form(boolean inPortion) {
      return inPortion ? portion : banner;
    }
  }

  static final List<Aea> AEA = List.of(
      new Aea("RD", "RD", 2, 4, true, false),
      new Aea("RD-CNWDI", "RD-N", 2, 4, true, false),
      new Aea("FRD", "FRD", 2, 4, true, false),
      new Aea("DOD UCNI", "DCNI", 0, 0, false, false),
      new Aea("DOE UCNI", "UCNI", 0, 0, false, false),
      new Aea("TFNI", "TFNI", 2, 4, false, false),
      new Aea("ATOMAL", "ATOMAL", 2, 4, false, true),
      new Aea("BALK", "BALK", 4, 4, false, true),
      new Aea("BOHEMIA", "BOHEMIA", 4, 4, false, true));

  /** RD-SIGMA and FRD-SIGMA take a number: banner {@code RD-SIGMA 14}, portion {@code RD-SG 14}. */
  static final int SIGMA_FLOOR = 3;

  /** Published SCI control systems. */
  static final Set<String> SCI_SYSTEMS = Set.of("SI", "TK", "HCS", "EL", "RSV");

  /** Retired SCI control systems and long forms. */
  static final Map<String, String> RETIRED_SCI = Map.of(
      "KDK", "KLONDIKE compartments are written under TK (TK-BLFH, TK-IDIT, TK-KAND)",
      "ENDSEAL", "write EL",
      "KLONDIKE", "KLONDIKE compartments are written under TK",
      "GAMMA", "write SI-G");

  /** The SCI floor: SCI information is at least CONFIDENTIAL. */
  static final int SCI_FLOOR = 2;
  /** The SAR floor: a special access program protects classified information. */
  static final int SAR_FLOOR = 2;

  /** Sort keys of the dissemination block: controls in register order, NOFORN after IMCON, REL TO after PROPIN. */
  static final int NOFORN_KEY = Control.IMCON.ordinal() * 10 + 5;

  static final int REL_TO_KEY = Control.PROPIN.ordinal() * 10 + 5;

  static int dissemKey(Control control) {
    return control.ordinal() * 10;
  }

  private Capco() {}

  static Optional<Word> usWord(String token) {
    return find(US_WORDS, token);
  }

  static Optional<Word> natoWord(String token) {
    return find(NATO_WORDS, token);
  }

  static boolean isPortionForm(List<Word> words, String token) {
    return words.stream().anyMatch(word -> word.portion().equals(token) && !word.banner().equals(token));
  }

  private static Optional<Word> find(List<Word> words, String token) {
    for (Word word : words) {
      if (word.banner().equals(token) || word.portion().equals(token)) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  static Optional<Word> wordForCode(List<Word> words, String code) {
    for (Word word : words) {
      if (word.code().equals(code)) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  static Optional<Aea> aea(String token) {
    for (Aea aea : AEA) {
      if (aea.banner().equals(token) || aea.portion().equals(token)) {
        return Optional.of(aea);
      }
    }
    return Optional.empty();
  }

  /**
   * The CAPCO tier of a level for floors and ceilings: US and NATO levels by code, other parties' levels
   * 0 when unclassified and -1 (classified, tier unknown) otherwise.
   */
  static int tier(Level level) {
    if (level.isUnclassified()) {
      return 0;
    }
    List<Word> words = level.party().equals(NATO) ? NATO_WORDS : level.party().equals(USA) ? US_WORDS : List.of();
    return wordForCode(words, level.code()).map(Word::tier).orElse(-1);
  }

  /** How a level is written in a marking of the given form. */
  static String levelText(Level level, boolean portion) {
    PartyCode party = level.party();
    if (party.equals(NATO)) {
      Optional<Word> word = wordForCode(NATO_WORDS, level.code());
      if (word.isPresent()) {
        return portion ? word.get().portion() : word.get().banner();
      }
    }
    Optional<Word> word = wordForCode(US_WORDS, level.code());
    if (word.isPresent()) {
      return portion ? word.get().portion() : word.get().banner();
    }
    return level.code().replace('_', ' ');
  }
}
