package org.pactbridge.tdf;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.label.stanag.Stanag4774;
import org.pactbridge.core.party.PartyCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The alternative confidentiality label for the recipient, as the second assertion carries it: the
 * recipient's party, the level the agreement relied on translates the item's level to, that agreement's
 * id, and the instant of the release decision. The caller supplies all four: the format records a
 * decision, it does not make one.
 *
 * <p>Written as a STANAG 4774 {@code alternativeConfidentialityLabel}: the recipient as {@code
 * PolicyIdentifier}, the level's code as {@code Classification}, the agreement as an informative {@code
 * Agreement} category, the instant as {@code CreationDateTime} (ISO-8601 UTC).
 */
public record AlternativeLabel(PartyCode recipient, LevelRef level, AgreementId agreement, Instant decidedAt) {
  public AlternativeLabel {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (!level.party().equals(recipient)) {
      throw new IllegalArgumentException("the translated level " + level + " must be in the recipient's scheme " + recipient);
    }
  }

  public String toXml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<alternativeConfidentialityLabel xmlns=\"" + Stanag4774.NAMESPACE + "\">\n"
        + "  <ConfidentialityInformation>\n"
        + "    <PolicyIdentifier>" + escape(recipient.value()) + "</PolicyIdentifier>\n"
        + "    <Classification>" + escape(level.code()) + "</Classification>\n"
        + "    <Category TagName=\"Agreement\" Type=\"INFORMATIVE\">\n"
        + "      <GenericValue>" + escape(agreement.value()) + "</GenericValue>\n"
        + "    </Category>\n"
        + "  </ConfidentialityInformation>\n"
        + "  <CreationDateTime>" + decidedAt + "</CreationDateTime>\n"
        + "</alternativeConfidentialityLabel>\n";
  }

  /** Reads {@link #toXml()}'s form; {@link TdfException} ({@code ASSERTION_INVALID}) for anything else. */
  public static AlternativeLabel parse(String assertionId, String xml) {
    Element root = parseXml(assertionId, xml).getDocumentElement();
    if (!"alternativeConfidentialityLabel".equals(root.getLocalName()) || !Stanag4774.NAMESPACE.equals(root.getNamespaceURI())) {
      throw TdfException.assertionInvalid(assertionId, "not an alternativeConfidentialityLabel of " + Stanag4774.NAMESPACE);
    }
    Element information = child(assertionId, root, "ConfidentialityInformation");
    Element category = child(assertionId, information, "Category");
    if (!"Agreement".equals(category.getAttribute("TagName"))) {
      throw TdfException.assertionInvalid(assertionId, "the alternative label names no Agreement category");
    }
    try {
      PartyCode recipient = PartyCode.of(text(assertionId, information, "PolicyIdentifier"));
      return new AlternativeLabel(recipient, new LevelRef(recipient, text(assertionId, information, "Classification")),
          AgreementId.of(text(assertionId, category, "GenericValue")), Instant.parse(text(assertionId, root, "CreationDateTime")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw TdfException.assertionInvalid(assertionId, "the alternative label holds a malformed value");
    }
  }

  private static String text(String id, Element parent, String name) {
    return child(id, parent, name).getTextContent().strip();
  }

  private static Element child(String id, Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        return element;
      }
    }
    throw TdfException.assertionInvalid(id, "the label has no " + name);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The JDK parser with DOCTYPEs refused and nothing external loaded, as core's STANAG 4774 reader. */
  static Document parseXml(String id, String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException exception) {
          // warnings do not stop reading, and the default handler would print them
        }

        @Override
        public void error(org.xml.sax.SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException exception) throws SAXException {
          throw exception;
        }
      });
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
    } catch (SAXException | IOException e) {
      throw TdfException.assertionInvalid(id, "the statement is not well-formed XML");
    }
  }
}
