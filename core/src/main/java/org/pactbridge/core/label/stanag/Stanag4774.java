package org.pactbridge.core.label.stanag;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.PartyDirectory;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes STANAG 4774 originator confidentiality labels.
 *
 * <p>Mapping: the policy identifier names the originator party ({@code NATO}); the classification is
 * read in that party's scheme ({@code RESTRICTED} under the NATO policy is {@code NATO:NATO_RESTRICTED});
 * the {@code Releasable To} and {@code Only} categories become the REL TO list (the latter marked
 * {@link SecurityLabel#releaseOnly()}); {@code Context} values other than {@code Releasable} become the
 * label's contexts; {@code Administrative} values its administrative categories. Unknown parties,
 * communities, levels and categories are errors naming the value and its position in the text.
 *
 * <p>Pactbridge's own categories, for what the standard's examples have no category for: {@code
 * Dissemination} (RESTRICTIVE) with the values {@code NOFORN} and {@code ORCON}, the caveats; and {@code
 * Originator} (INFORMATIVE) listing every originator of a JOINT label in canonical order (the policy
 * identifier names the party whose scheme the classification is in).
 *
 * <p>The JDK parser is configured with DOCTYPE declarations refused, external entities, DTD loading and
 * XInclude disabled, and secure processing on: a label cannot make the reader fetch or expand anything.
 * Thread-safe (a parser is made per call); cost dominated by the JDK parser, tens of microseconds.
 */
public final class Stanag4774 {
  /** The XML namespace of ADatP-4774 confidentiality metadata labels. */
  public static final String NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";

  private static final String RELEASABLE = "Releasable";
  private static final String DISSEMINATION = "Dissemination";
  private static final String ORIGINATOR = "Originator";
  private static final String NOFORN = "NOFORN";
  private static final String ORCON = "ORCON";

  private final PartyDirectory directory;

  public Stanag4774(PartyDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Reads one label; throws only {@link Stanag4774Exception} for bad input. */
  public SecurityLabel read(String xml) {
    Objects.requireNonNull(xml, "xml");
    Document document = parse(xml);
    Element root = document.getDocumentElement();
    if (!"originatorConfidentialityLabel".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
      throw Stanag4774Exception.unexpected("UNEXPECTED_ELEMENT", xml.indexOf('<' + root.getTagName()) + 1,
          "originatorConfidentialityLabel in " + NAMESPACE, root.getTagName());
    }
    Element information = child(root, "ConfidentialityInformation")
        .orElseThrow(() -> Stanag4774Exception.missing(xml.length(), "ConfidentialityInformation"));
    Element policyElement = child(information, "PolicyIdentifier")
        .orElseThrow(() -> Stanag4774Exception.missing(xml.length(), "PolicyIdentifier"));
    String policy = policyElement.getTextContent().strip();
    Party party = findParty(policy).orElseThrow(() -> Stanag4774Exception.unexpected(
        "UNKNOWN_POLICY", indexOf(xml, policy), "a policy naming a known party such as NATO", policy));
    Element classificationElement = child(information, "Classification")
        .orElseThrow(() -> Stanag4774Exception.missing(xml.length(), "Classification"));
    String classification = classificationElement.getTextContent().strip();
    Level level = findLevel(party, classification).orElseThrow(() -> Stanag4774Exception.unexpected(
        "UNKNOWN_LEVEL", indexOf(xml, classification), "a classification of the " + party.code() + " policy ("
            + party.schemes().get(party.schemes().size() - 1).codesForMessage() + ")", classification));

    SecurityLabel.Builder builder = SecurityLabel.builder(level);
    List<String> relTo = null;
    boolean only = false;
    boolean noforn = false;
    for (Element category : children(information, "Category")) {
      String tag = category.getAttribute("TagName");
      String type = category.getAttribute("Type");
      if (!type.isEmpty() && !type.equals("PERMISSIVE") && !type.equals("RESTRICTIVE") && !type.equals("INFORMATIVE")) {
        throw Stanag4774Exception.unexpected("UNKNOWN_CATEGORY_TYPE", indexOf(xml, "\"" + type + "\"") + 1,
            "PERMISSIVE, RESTRICTIVE or INFORMATIVE", type);
      }
      List<String> values = new ArrayList<>();
      for (Element value : children(category, "GenericValue")) {
        values.add(value.getTextContent().strip());
      }
      switch (tag) {
        case "Context" -> {
          for (String value : values) {
            if (!value.equals(RELEASABLE)) {
              requireTarget(xml, value);
              builder.context(value);
            }
          }
        }
        case "Releasable To", "Only" -> {
          if (relTo != null) {
            throw Stanag4774Exception.unexpected("CONFLICTING_RELEASABILITY", indexOf(xml, "\"" + tag + "\"") + 1,
                "one Releasable To or Only category", tag);
          }
          if (values.isEmpty()) {
            throw Stanag4774Exception.unexpected("EMPTY_CATEGORY", indexOf(xml, "\"" + tag + "\"") + 1,
                "at least one GenericValue in " + tag, tag);
          }
          for (String value : values) {
            requireTarget(xml, value);
          }
          relTo = values;
          only = tag.equals("Only");
        }
        case "Administrative" -> values.forEach(builder::administrative);
        case DISSEMINATION -> {
          for (String value : values) {
            switch (value) {
              case NOFORN -> noforn = true;
              case ORCON -> builder.control(Control.ORCON);
              default -> throw Stanag4774Exception.unexpected("UNKNOWN_CAVEAT", indexOf(xml, value), "NOFORN or ORCON", value);
            }
          }
        }
        case ORIGINATOR -> {
          List<PartyCode> parties = new ArrayList<>();
          for (String value : values) {
            parties.add(findParty(value).orElseThrow(() -> Stanag4774Exception.unexpected("UNKNOWN_ORIGINATOR", indexOf(xml, value),
                "a known party code", value)).code());
          }
          if (parties.size() < 2 || !parties.contains(party.code())) {
            throw Stanag4774Exception.unexpected("INVALID_ORIGINATORS", indexOf(xml, "\"" + ORIGINATOR + "\"") + 1,
                "two or more originators, the policy's party among them", String.join(",", values));
          }
          builder.joint(parties);
        }
        default -> throw Stanag4774Exception.unexpected("UNKNOWN_CATEGORY", indexOf(xml, "\"" + tag + "\"") + 1,
            "a category Context, Releasable To, Only, Administrative, Dissemination or Originator", tag);
      }
    }
    if (noforn && relTo != null) {
      throw Stanag4774Exception.unexpected("CONFLICTING_RELEASABILITY", indexOf(xml, NOFORN), "NOFORN or a Releasable To list, not both", NOFORN);
    }
    if (relTo != null) {
      builder.releasability(Releasability.relTo(relTo)).releaseOnly(only);
    } else if (noforn) {
      builder.releasability(Releasability.noforn());
    }
    return builder.build();
  }

  /**
   * Writes a label as STANAG 4774 XML: NOFORN and ORCON as the {@code Dissemination} category, JOINT
   * originators as the {@code Originator} category. A label with other CAPCO controls, compartments or FGI
   * has no faithful form here and is refused with {@link IllegalArgumentException}.
   */
  public String write(SecurityLabel label) {
    if (!label.controls().stream().allMatch(control -> control == Control.ORCON) || !label.compartments().isEmpty() || label.fgi()) {
      throw new IllegalArgumentException("label " + label.level() + " carries CAPCO controls other than ORCON, compartments or FGI,"
          + " which this STANAG 4774 writer does not express");
    }
    // the policy is the scheme the classification is written in (a JOINT label lists every originator below)
    PartyCode policy = label.level().party();
    StringBuilder out = new StringBuilder(512);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<originatorConfidentialityLabel xmlns=\"").append(NAMESPACE).append("\">\n");
    out.append("  <ConfidentialityInformation>\n");
    out.append("    <PolicyIdentifier>").append(escape(policy.value())).append("</PolicyIdentifier>\n");
    out.append("    <Classification>").append(escape(classificationText(label.level()))).append("</Classification>\n");
    List<String> contexts = new ArrayList<>(label.contexts());
    boolean releasable = label.releasability().hasRelTo() && !label.releaseOnly();
    if (releasable) {
      contexts.add(RELEASABLE);
    }
    category(out, "Context", "PERMISSIVE", contexts);
    if (label.releasability().hasRelTo()) {
      category(out, label.releaseOnly() ? "Only" : "Releasable To", "PERMISSIVE", label.releasability().relToEntries());
    }
    List<String> caveats = new ArrayList<>();
    if (label.releasability().isNoforn()) {
      caveats.add(NOFORN);
    }
    if (label.controls().contains(Control.ORCON)) {
      caveats.add(ORCON);
    }
    category(out, DISSEMINATION, "RESTRICTIVE", caveats);
    if (label.originators().size() > 1) {
      category(out, ORIGINATOR, "INFORMATIVE", label.originators().stream().map(PartyCode::value).toList());
    }
    category(out, "Administrative", "INFORMATIVE", label.administrative());
    out.append("  </ConfidentialityInformation>\n");
    out.append("</originatorConfidentialityLabel>\n");
    return out.toString();
  }

  /**
   * The display marking ADatP-4774 prints for a label, such as
   * {@code NATO/KFOR CONFIDENTIAL Ireland, Sweden, Ukraine, NATO ONLY}: policy and contexts, the
   * classification, then the releasable-to list by name (communities by their own name).
   */
  public String displayMarking(SecurityLabel label) {
    String policy = label.originators().get(0).value();
    StringBuilder out = new StringBuilder(policy);
    for (String context : label.contexts()) {
      if (!context.equals(policy)) {
        out.append('/').append(context);
      }
    }
    out.append(' ').append(classificationText(label.level()));
    List<String> names = new ArrayList<>();
    for (String entry : label.releasability().relToEntries()) {
      if (!entry.equals(policy) && !label.contexts().contains(entry)) {
        names.add(displayName(entry));
      }
    }
    names.sort(null);
    if (label.releaseOnly()) {
      names.add(policy + " ONLY");
      out.append(' ').append(String.join(", ", names));
    } else if (!names.isEmpty()) {
      out.append(" Releasable to ").append(String.join(", ", names));
    }
    for (String category : label.administrative()) {
      out.append(" - ").append(category);
    }
    return out.toString();
  }

  private String displayName(String entry) {
    if (directory.findCommunity(entry).isPresent() || entry.length() != 3) {
      return entry;
    }
    return directory.findParty(PartyCode.of(entry)).map(Party::name).orElse(entry);
  }

  /** The classification as the policy writes it: NATO levels without their {@code NATO} prefix. */
  static String classificationText(Level level) {
    String text = level.code().replace('_', ' ');
    if (level.party().value().equals("NATO") && text.startsWith("NATO ")) {
      return text.substring("NATO ".length());
    }
    return text;
  }

  private Optional<Party> findParty(String policy) {
    if (policy.length() < 3 || policy.length() > 4 || !policy.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return Optional.empty();
    }
    return directory.findParty(PartyCode.of(policy));
  }

  private static Optional<Level> findLevel(Party party, String classification) {
    Optional<Level> level = party.findLevelInAnyVersion(classification);
    if (level.isEmpty()) {
      level = party.findLevelInAnyVersion(party.code().value() + " " + classification);
    }
    if (level.isEmpty() && classification.equals("TOP SECRET")) {
      level = party.findLevelInAnyVersion("COSMIC TOP SECRET");
    }
    return level;
  }

  private void requireTarget(String xml, String value) {
    boolean known = directory.findCommunity(value).isPresent() || findParty(value).isPresent();
    if (!known) {
      throw Stanag4774Exception.unexpected("UNKNOWN_RELEASABILITY_ENTRY", indexOf(xml, value),
          "a known party code or community (NATO, ISAF, KFOR, …)", value);
    }
  }

  private static void category(StringBuilder out, String tag, String type, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    out.append("    <Category TagName=\"").append(tag).append("\" Type=\"").append(type).append("\">\n");
    for (String value : values) {
      out.append("      <GenericValue>").append(escape(value)).append("</GenericValue>\n");
    }
    out.append("    </Category>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static int indexOf(String xml, String value) {
    int at = xml.indexOf(value);
    return Math.max(at, 0);
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilder builder = secureFactory().newDocumentBuilder();
      builder.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
          // warnings do not stop reading
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      });
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw Stanag4774Exception.malformed(offset(xml, e.getLineNumber(), e.getColumnNumber()), "'" + summary(e) + "'");
    } catch (SAXException | IOException e) {
      throw Stanag4774Exception.malformed(0, "'" + summary(e) + "'");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
    }
  }

  private static String summary(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.length() > 120 ? message.substring(0, 120) + "…" : message;
  }

  private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** The 0-based character offset of a 1-based line and column. */
  private static int offset(String xml, int line, int column) {
    if (line < 1) {
      return 0;
    }
    int index = 0;
    for (int current = 1; current < line && index >= 0; current++) {
      index = xml.indexOf('\n', index) + 1;
      if (index == 0) {
        return xml.length();
      }
    }
    return Math.min(xml.length(), index + Math.max(0, column - 1));
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && name.equals(element.getLocalName()) && NAMESPACE.equals(element.getNamespaceURI())) {
        found.add(element);
      }
    }
    return found;
  }
}
