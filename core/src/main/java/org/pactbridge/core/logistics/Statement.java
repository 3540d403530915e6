package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pactbridge.core.party.PartyCode;

/**
 * A monthly statement of one party's account with one partner, across the agreements between them:
 * the opening net per currency, the month's entries in date order with their effect on the party
 * (positive: the partner owes the party more), the closing net, and the obligations overdue at the
 * end of the month. Renders itself as CSV and JSON; both carry identifiers, slugs and amounts only.
 */
public record Statement(
    PartyCode party, PartyCode partner, YearMonth month, Map<String, BigDecimal> opening, List<LedgerEntry> entries, List<Obligation> overdue) {

  public Statement {
    opening = Collections.unmodifiableMap(new TreeMap<>(opening));
    entries = List.copyOf(entries);
    overdue = List.copyOf(overdue);
  }

  /** Net per currency at the end of the month. */
  public Map<String, BigDecimal> closing() {
    Map<String, BigDecimal> closing = new TreeMap<>(opening);
    for (LedgerEntry entry : entries) {
      closing.merge(entry.value().currency(), entry.effectOn(party), BigDecimal::add);
    }
    return Collections.unmodifiableMap(closing);
  }

  /**
   * One table: a row per currency for the opening and closing net ({@code record} = opening/closing),
   * a row per entry with the running net in its currency, and a row per overdue obligation.
   */
  public String toCsv() {
    StringBuilder out = new StringBuilder(
        "record,sequence,date,type,agreement,supplier,receiver,category,quantity,mode,refers,currency,amount,balance\n");
    opening.forEach((currency, net) -> out.append(csvRow("opening", null, currency, null, net)));
    Map<String, BigDecimal> running = new TreeMap<>(opening);
    for (LedgerEntry entry : entries) {
      BigDecimal effect = entry.effectOn(party);
      BigDecimal balance = running.merge(entry.value().currency(), effect, BigDecimal::add);
      out.append(csvRow("entry", entry, entry.value().currency(), effect, balance));
    }
    closing().forEach((currency, net) -> out.append(csvRow("closing", null, currency, null, net)));
    for (Obligation obligation : overdue) {
      LedgerEntry entry = obligation.transfer();
      out.append(csvRow("overdue", entry, obligation.outstanding().currency(), obligation.outstanding().amount(), null));
    }
    return out.toString();
  }

  private static String csvRow(String record, LedgerEntry entry, String currency, BigDecimal amount, BigDecimal balance) {
    String[] cells = new String[14];
    cells[0] = record;
    if (entry != null) {
      cells[1] = Long.toString(entry.sequence());
      cells[2] = entry.at().atZone(ZoneOffset.UTC).toLocalDate().toString();
      cells[3] = entry.type().name();
      cells[4] = entry.agreement().value();
      cells[5] = entry.supplier().value();
      cells[6] = entry.receiver().value();
      cells[7] = entry.category() == null ? null : entry.category().slug();
      cells[8] = entry.quantity() == null ? null : entry.quantity().toPlainString();
      cells[9] = entry.mode() == null ? null : entry.mode().slug();
      cells[10] = entry.refers() == null ? null : entry.refers().toString();
    }
    cells[11] = currency;
    cells[12] = amount == null ? null : amount.toPlainString();
    cells[13] = balance == null ? null : balance.toPlainString();
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        row.append(',');
      }
      // every cell is an identifier, slug, date or number: none contains a comma or a quote
      row.append(cells[i] == null ? "" : cells[i]);
    }
    return row.append('\n').toString();
  }

  /** One JSON object: party, partner, month, opening, entries, closing, overdue. */
  public String toJson() {
    StringBuilder out = new StringBuilder("{");
    out.append("\"party\":").append(quote(party.value()));
    out.append(",\"partner\":").append(quote(partner.value()));
    out.append(",\"month\":").append(quote(month.toString()));
    out.append(",\"opening\":").append(amounts(opening));
    out.append(",\"entries\":[");
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      String object = entryJson(entry);
      // the entry object with the party's "effect" added before its closing brace
      out.append(i == 0 ? "" : ",").append(object, 0, object.length() - 1);
      out.append(",\"effect\":").append(entry.effectOn(party).toPlainString()).append('}');
    }
    out.append("],\"closing\":").append(amounts(closing()));
    out.append(",\"overdue\":[");
    for (int i = 0; i < overdue.size(); i++) {
      Obligation obligation = overdue.get(i);
      out.append(i == 0 ? "" : ",").append("{\"sequence\":").append(obligation.transfer().sequence());
      out.append(",\"agreement\":").append(quote(obligation.transfer().agreement().value()));
      out.append(",\"debtor\":").append(quote(obligation.transfer().receiver().value()));
      out.append(",\"creditor\":").append(quote(obligation.transfer().supplier().value()));
      out.append(",\"outstanding\":").append(obligation.outstanding().amount().toPlainString());
      out.append(",\"currency\":").append(quote(obligation.outstanding().currency()));
      out.append(",\"due\":").append(quote(obligation.due().toString()));
      out.append(",\"dueAssumed\":").append(obligation.dueAssumed()).append('}');
    }
    return out.append("]}").toString();
  }

  /** A ledger entry as a JSON object (the form the CLI prints and journals). */
  public static String entryJson(LedgerEntry entry) {
    StringBuilder out = new StringBuilder("{");
    out.append("\"sequence\":").append(entry.sequence());
    out.append(",\"type\":").append(quote(entry.type().name()));
    out.append(",\"at\":").append(quote(entry.at().toString()));
    out.append(",\"agreement\":").append(quote(entry.agreement().value()));
    out.append(",\"supplier\":").append(quote(entry.supplier().value()));
    out.append(",\"receiver\":").append(quote(entry.receiver().value()));
    out.append(",\"category\":").append(entry.category() == null ? "null" : quote(entry.category().slug()));
    out.append(",\"quantity\":").append(entry.quantity() == null ? "null" : entry.quantity().toPlainString());
    out.append(",\"value\":").append(entry.value().amount().toPlainString());
    out.append(",\"currency\":").append(quote(entry.value().currency()));
    out.append(",\"mode\":").append(entry.mode() == null ? "null" : quote(entry.mode().slug()));
    out.append(",\"refers\":").append(entry.refers() == null ? "null" : entry.refers().toString());
    return out.append('}').toString();
  }

  private static String amounts(Map<String, BigDecimal> byCurrency) {
    StringBuilder out = new StringBuilder("{");
    byCurrency.forEach((currency, amount) -> out.append(out.length() > 1 ? "," : "").append(quote(currency)).append(':').append(amount.toPlainString()));
    return out.append('}').toString();
  }

  /** Quotes an identifier or slug; these never need escaping beyond quotes and backslashes. */
  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
