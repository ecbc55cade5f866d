package dev.parley.architecture.planted.domain.clean;

import java.util.List;

/** Plain domain code: the rules must let it pass. */
public record PlantedCleanValue(List<String> names) {
}
