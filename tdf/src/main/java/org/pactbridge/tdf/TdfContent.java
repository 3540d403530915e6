package org.pactbridge.tdf;

import java.util.List;
import java.util.Objects;
import org.pactbridge.core.item.ItemTitle;

/**
 * What one export puts around the payload: the label for the policy, {@code dissem} (the entities that
 * may open it; empty: any entity the policy's attributes admit), the title (encrypted, never in the
 * clear; {@link ItemTitle#NONE} for none), the payload's MIME type, the originator's STANAG 4774 label
 * as XML (core's {@code Stanag4774.write} makes it), the alternative label for the recipient, and
 * {@code item}, the item's id on the exporting node, which the policy carries (attribute {@code item})
 * so that the node's key access service finds the holdings it decides with (null: none named).
 */
public record TdfContent(
    PolicyLabel label, List<String> dissem, ItemTitle title, String mimeType, String originatorLabelXml, AlternativeLabel alternative,
    String item) {

  public TdfContent {
    Objects.requireNonNull(label, "label");
    dissem = List.copyOf(dissem);
    title = title == null ? ItemTitle.NONE : title;
    mimeType = mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType;
    if (originatorLabelXml == null || originatorLabelXml.isBlank()) {
      throw new IllegalArgumentException("an export carries the originator's STANAG 4774 label");
    }
    Objects.requireNonNull(alternative, "alternative");
    if (item != null && item.isEmpty()) {
      throw new IllegalArgumentException("an item id is not empty");
    }
  }

  /** Content whose policy names no item. */
  public TdfContent(PolicyLabel label, List<String> dissem, ItemTitle title, String mimeType, String originatorLabelXml, AlternativeLabel alternative) {
    this(label, dissem, title, mimeType, originatorLabelXml, alternative, null);
  }

  /** The same content, its policy naming item {@code id}. */
  public TdfContent withItem(String id) {
    return new TdfContent(label, dissem, title, mimeType, originatorLabelXml, alternative, id);
  }

  @Override
  public String toString() {
    // the title is protected: never printed
    return "TdfContent[" + label + (item == null ? "" : ", item " + item) + ", dissem " + dissem + ", " + mimeType
        + (title.isEmpty() ? "" : ", with a title") + "]";
  }
}
