package dev.modelport.model.catalog;

import java.time.Instant;
import java.util.List;

/** A named model: the stable name clients call, owning numbered versions. */
public record Model(String name, String description, List<String> tags, String owner, Instant createdAt,
                    Instant updatedAt) {
}
