package org.pactbridge.core.label;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A dissemination control or caveat of the CAPCO register, with its banner and portion forms, in
 * register order (the canonical order within a block). {@code NOFORN} and {@code REL TO} are not here:
 * they are the label's {@link Releasability}. The floor and ceiling are CAPCO tiers (0 unclassified,
 * 1 restricted, 2 confidential, 3 secret, 4 top secret) the classification must lie within.
 */
public enum Control {
  RSEN("RISK SENSITIVE", "RSEN", Block.DISSEM, 0, 4),
  FOUO("FOR OFFICIAL USE ONLY", "FOUO", Block.DISSEM, 0, 0),
  ORCON("ORCON", "OC", Block.DISSEM, 1, 4),
  ORCON_USGOV("ORCON-USGOV", "OC-USGOV", Block.DISSEM, 1, 4),
  IMCON("IMCON", "IMC", Block.DISSEM, 1, 4),
  PROPIN("PROPIN", "PR", Block.DISSEM, 0, 4),
  RELIDO("RELIDO", "RELIDO", Block.DISSEM, 0, 4),
  DEA_SENSITIVE("DEA SENSITIVE", "DSEN", Block.DISSEM, 0, 4),
  FISA("FISA", "FISA", Block.DISSEM, 0, 4),
  DISPLAY_ONLY("DISPLAY ONLY", "DISPLAY ONLY", Block.DISSEM, 1, 4),
  LIMDIS("LIMDIS", "DS", Block.NON_IC, 0, 0),
  EXDIS("EXDIS", "XD", Block.NON_IC, 0, 4),
  NODIS("NODIS", "ND", Block.NON_IC, 0, 4),
  SBU("SBU", "SBU", Block.NON_IC, 0, 0),
  SBU_NOFORN("SBU NOFORN", "SBU-NF", Block.NON_IC, 0, 0),
  LES("LES", "LES", Block.NON_IC, 0, 4),
  LES_NOFORN("LES NOFORN", "LES-NF", Block.NON_IC, 0, 4),
  SSI("SSI", "SSI", Block.NON_IC, 0, 4);

  /** Which block of a marking a control is written in. */
  public enum Block {
    DISSEM,
    NON_IC
  }

  private final String bannerForm;
  private final String portionForm;
  private final Block block;
  private final int floor;
  private final int ceiling;

  Control(String bannerForm, String portionForm, Block block, int floor, int ceiling) {
    this.bannerForm = bannerForm;
    this.portionForm = portionForm;
    this.block = block;
    this.floor = floor;
    this.ceiling = ceiling;
  }

  public String bannerForm() {
    return bannerForm;
  }

  public String portionForm() {
    return portionForm;
  }

  public Block block() {
    return block;
  }

  /** The lowest CAPCO tier the control may be used at. */
  public int floor() {
    return floor;
  }

  /** The highest CAPCO tier the control may be used at. */
  public int ceiling() {
    return ceiling;
  }

  public String form(boolean portion) {
    return portion ? portionForm : bannerForm;
  }

  /** Whether the control makes every release beyond the originator need its approval. */
  public boolean isOriginatorControlled() {
    return this == ORCON || this == ORCON_USGOV;
  }

  private static final Map<String, Control> BY_BANNER = index(true);
  private static final Map<String, Control> BY_PORTION = index(false);

  private static Map<String, Control> index(boolean banner) {
    Map<String, Control> map = new HashMap<>();
    for (Control control : values()) {
      map.put(banner ? control.bannerForm : control.portionForm, control);
    }
    return Map.copyOf(map);
  }

  /** By banner form; one hash look-up. */
  public static Optional<Control> findBanner(String token) {
    return Optional.ofNullable(BY_BANNER.get(token));
  }

  /** By portion form; one hash look-up. */
  public static Optional<Control> findPortion(String token) {
    return Optional.ofNullable(BY_PORTION.get(token));
  }
}
