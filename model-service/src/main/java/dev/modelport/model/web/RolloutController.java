package dev.modelport.model.web;

import dev.modelport.model.catalog.RolloutChange;
import dev.modelport.model.catalog.RolloutService;
import dev.modelport.model.web.ModelRequests.ChangeRollout;
import dev.modelport.model.web.ModelResponses.RolloutView;
import dev.modelport.support.security.Reach;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/models/{name}/rollout}: which versions serve. Rollback is a PUT with the previous
 * production; DELETE takes the model out of service.
 */
@RestController
@RequestMapping("/api/models/{name}/rollout")
class RolloutController {

    private final RolloutService rollouts;

    RolloutController(RolloutService rollouts) {
        this.rollouts = rollouts;
    }

    @GetMapping
    RolloutView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach.of(jwt).requireModel(name);
        return RolloutView.of(rollouts.get(name));
    }

    @PutMapping
    RolloutView change(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                       @Valid @RequestBody ChangeRollout request) {
        Reach caller = Reach.of(jwt);
        caller.requireModel(name);
        var change = new RolloutChange(request.production(), request.canary(), request.canaryPercent(), request.shadow());
        return RolloutView.of(rollouts.change(name, change, caller.actor()));
    }

    @DeleteMapping
    RolloutView clear(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach caller = Reach.of(jwt);
        caller.requireModel(name);
        return RolloutView.of(rollouts.clear(name, caller.actor()));
    }
}
