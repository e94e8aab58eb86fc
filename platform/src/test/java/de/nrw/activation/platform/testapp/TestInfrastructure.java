package de.nrw.activation.platform.testapp;

import de.nrw.activation.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every Quarkus test of this module runs against a real PostgreSQL database. */
@QuarkusTestResource(value = SuiteTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
public final class TestInfrastructure {
    private TestInfrastructure() { }
}
