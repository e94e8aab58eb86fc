package de.nrw.activation.platform.consumer;

import de.nrw.activation.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The tests of this module run against a real PostgreSQL database and a real Kafka broker. */
@QuarkusTestResource(value = SuiteTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_consumer_test"))
public final class TestInfrastructure {
    private TestInfrastructure() { }
}
