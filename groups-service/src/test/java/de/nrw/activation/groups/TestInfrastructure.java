package de.nrw.activation.groups;

import de.nrw.activation.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real PostgreSQL database and a real Kafka broker. */
@QuarkusTestResource(value = SuiteTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "groups_test"))
public final class TestInfrastructure {
    private TestInfrastructure() { }
}
