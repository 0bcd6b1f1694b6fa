package dev.modelport.admin;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh mocked Vaadin session and UI for each test ({@code @ExtendWith(MockVaadinExtension.class)}),
 * torn down after it: set up before the test class's {@code @BeforeEach} methods, so they can build
 * components, and torn down after its {@code @AfterEach} methods.
 */
public final class MockVaadinExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        MockVaadin.setup();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MockVaadin.tearDown();
    }
}
