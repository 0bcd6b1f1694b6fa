package dev.modelport.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/clients}. Scopes and tier are checked against what the service knows.
 *
 * @param models the only models the client may use; omit for every model
 * @param tier the rate-limit tier; omit for the default
 */
record CreateClientRequest(
        @NotBlank(message = "must not be empty") @Size(max = 100, message = "must be at most 100 characters")
        String name,
        @NotEmpty(message = "must name at least one scope") List<@NotNull(message = "must not be null") String> scopes,
        @Size(min = 1, max = 100, message = "must list 1 to 100 model names (omit it to allow every model)")
        List<@NotNull(message = "must not be null")
             @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,63}",
                     message = "must be a model name: lower-case letters, digits, '-', '_', '.', at most 64 characters")
             String> models,
        String tier) {
}
