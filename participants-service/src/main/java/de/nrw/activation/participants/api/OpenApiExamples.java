package de.nrw.activation.participants.api;

/** Realistic bodies for the OpenAPI document (fictitious people, of course). */
final class OpenApiExamples {

    static final String REGISTER = """
            {"jobcenterId": "herne", "customerNumber": "123D456789", "firstName": "Erika", "lastName": "Mustermann",
             "dateOfBirth": "1984-08-12", "gender": "FEMALE", "customerType": "EXISTING",
             "labourMarketDistance": "CLOSE", "vocationalQualification": true}""";

    static final String CHANGE = """
            {"firstName": "Erika", "lastName": "Musterfrau", "dateOfBirth": "1984-08-12", "gender": "FEMALE",
             "customerType": "EXISTING", "labourMarketDistance": "DISTANT", "vocationalQualification": true}""";

    static final String PARTICIPANT = """
            {"id": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "jobcenterId": "herne", "customerNumber": "123D456789",
             "firstName": "Erika", "lastName": "Mustermann", "dateOfBirth": "1984-08-12", "gender": "FEMALE",
             "customerType": "EXISTING", "labourMarketDistance": "CLOSE", "vocationalQualification": true,
             "ageBand": "AGE_25_TO_49", "erased": false, "registeredAt": "2012-03-01T08:15:00Z",
             "changedAt": "2012-03-01T08:15:00Z", "version": 0}""";

    static final String AGE_BAND = """
            {"participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "on": "2012-03-05", "ageBand": "UNDER_25"}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "https://activation.nrw.example/problems/validation-failed", "title": "Invalid request",
             "status": 400, "detail": "One or more fields are invalid",
             "violations": [{"field": "dateOfBirth", "message": "must be a past date"}]}""";

    private OpenApiExamples() { }
}
