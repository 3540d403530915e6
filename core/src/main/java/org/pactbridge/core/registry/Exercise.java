package org.pactbridge.core.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.party.PartyCode;

/**
 * An exercise series the record dates, such as the Korea–Japan search-and-rescue exercise
 * ({@code ROK-JPN-SAREX}): a fact of the world, with its editions (each with its dates, precision and
 * confidence) and other dated events of the series. An exercise is context, not an agreement: it
 * permits nothing by itself.
 */
public record Exercise(String id, String title, List<PartyCode> parties, List<ExerciseEdition> editions, List<String> sources, String note) {
  public Exercise {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    parties = List.copyOf(parties);
    editions = List.copyOf(editions);
    sources = List.copyOf(sources);
    note = note == null ? "" : note;
  }

  /** The numbered edition, if the world dates it. */
  public Optional<ExerciseEdition> edition(int number) {
    return editions.stream().filter(edition -> edition.number() != null && edition.number() == number).findFirst();
  }
}
