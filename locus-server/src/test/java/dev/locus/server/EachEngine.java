package dev.locus.server;

import dev.locus.server.persistence.Database;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a test once per engine of {@link TestDatabases#engines()} (H2, and PostgreSQL when
 * configured), handing its {@link Database} parameter a fresh migrated database that is closed
 * when the test ends.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachEngine.Engines.class)
public @interface EachEngine {

    /** One invocation per engine. */
    final class Engines implements TestTemplateInvocationContextProvider {
        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return TestDatabases.engines().stream().map(Engine::new);
        }
    }

    /** The invocation on one engine: its name, and a fresh database for the test's parameter. */
    record Engine(String name) implements TestTemplateInvocationContext, ParameterResolver {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + invocationIndex + "] " + name;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Database.class;
        }

        /** A fresh database, closed with the test's extension context (the store closes what it holds). */
        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Database db = TestDatabases.fresh(name);
            context.getStore(ExtensionContext.Namespace.create(EachEngine.class, parameter.getIndex()))
                    .put(Database.class, db);
            return db;
        }
    }
}
