package dev.modelport.model.web;

import dev.modelport.model.catalog.ModelNames;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The JSON bodies the management API accepts. */
final class ModelRequests {

    private static final String TAG = "[A-Za-z0-9][A-Za-z0-9\\-_.:/]{0,49}";

    private ModelRequests() {
    }

    record CreateModel(
            @NotNull(message = "is required")
            @Pattern(regexp = ModelNames.PATTERN, message = "must be 1-64 characters from a-z, 0-9, '-', '_', '.', starting with a letter or digit")
            String name,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 50, message = "must have at most 50 tags")
            List<@Pattern(regexp = TAG, message = "tags are 1-50 characters from A-Z, a-z, 0-9, '-_.:/'") String> tags) {
    }

    record UpdateModel(
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 50, message = "must have at most 50 tags")
            List<@Pattern(regexp = TAG, message = "tags are 1-50 characters from A-Z, a-z, 0-9, '-_.:/'") String> tags) {
    }

    record ChangeRollout(
            @NotNull(message = "is required: the version that takes production traffic") @Min(value = 1, message = "must be a version number") Integer production,
            @Min(value = 1, message = "must be a version number") Integer canary,
            @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100") Integer canaryPercent,
            @Min(value = 1, message = "must be a version number") Integer shadow) {
    }
}
