package org.pactbridge.core.label.marking;

/** Whether a marking is a banner line ({@code SECRET//NOFORN}) or a portion mark ({@code (S//NF)}). */
public enum MarkingForm {
  BANNER,
  PORTION
}
