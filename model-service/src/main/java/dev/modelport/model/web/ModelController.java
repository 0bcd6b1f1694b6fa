package dev.modelport.model.web;

import dev.modelport.model.catalog.ModelCatalog;
import dev.modelport.model.web.ModelRequests.CreateModel;
import dev.modelport.model.web.ModelRequests.UpdateModel;
import dev.modelport.model.web.ModelResponses.ModelView;
import dev.modelport.support.security.Reach;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/models}: the models a client may see, and their descriptions. */
@RestController
@RequestMapping("/api/models")
class ModelController {

    private final ModelCatalog catalog;

    ModelController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ModelView> list(@AuthenticationPrincipal Jwt jwt) {
        Reach caller = Reach.of(jwt);
        return catalog.list(caller::covers).stream().map(ModelView::of).toList();
    }

    @PostMapping
    ResponseEntity<ModelView> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateModel request) {
        Reach caller = Reach.of(jwt);
        caller.requireModel(request.name());
        catalog.create(request.name(), request.description(), request.tags(), caller.actor());
        return ResponseEntity.created(URI.create("/api/models/" + request.name()))
                .body(ModelView.of(catalog.get(request.name())));
    }

    @GetMapping("/{name}")
    ModelView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach.of(jwt).requireModel(name);
        return ModelView.of(catalog.get(name));
    }

    @PatchMapping("/{name}")
    ModelView update(@AuthenticationPrincipal Jwt jwt, @PathVariable String name, @Valid @RequestBody UpdateModel request) {
        Reach caller = Reach.of(jwt);
        caller.requireModel(name);
        catalog.update(name, request.description(), request.tags(), caller.actor());
        return ModelView.of(catalog.get(name));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach caller = Reach.of(jwt);
        caller.requireModel(name);
        catalog.delete(name, caller.actor());
        return ResponseEntity.noContent().build();
    }
}
