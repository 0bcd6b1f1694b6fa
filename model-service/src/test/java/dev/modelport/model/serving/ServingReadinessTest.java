package dev.modelport.model.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;

/**
 * Readiness is "I can serve what is deployed": accepting traffic and synced once. The database is
 * not asked (ServingReadiness has no way to reach it), so a database outage leaves workers ready.
 */
class ServingReadinessTest {

    @Test
    void notReadyReasonWhenAcceptingAndSyncedThenReady() {
        ServingReadiness readiness = new ServingReadiness(accepting(ReadinessState.ACCEPTING_TRAFFIC), () -> true);
        assertThat(readiness.notReadyReason()).isEmpty();
    }

    @Test
    void notReadyReasonWhenFirstSyncNotDoneThenModelsStillLoading() {
        AtomicBoolean synced = new AtomicBoolean();
        ServingReadiness readiness = new ServingReadiness(accepting(ReadinessState.ACCEPTING_TRAFFIC), synced::get);

        assertThat(readiness.notReadyReason()).contains("deployed models are still loading");
        synced.set(true);
        assertThat(readiness.notReadyReason()).isEmpty();
    }

    @Test
    void notReadyReasonWhenRefusingTrafficThenSaysSo() {
        ServingReadiness readiness = new ServingReadiness(accepting(ReadinessState.REFUSING_TRAFFIC), () -> true);
        assertThat(readiness.notReadyReason()).hasValueSatisfying(reason -> assertThat(reason).contains("REFUSING_TRAFFIC"));
    }

    private static ApplicationAvailability accepting(ReadinessState state) {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        StaticApplicationContext context = new StaticApplicationContext();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, state));
        return availability;
    }
}
