package com.example.service.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads JSON strings as usual, and refuses one holding a NUL character, which PostgreSQL cannot store in a text
 * column: the caller gets a 400 at the edge instead of a 500 from the database (and a consumed event with one is
 * dead-lettered instead of retried).
 */
class StoredStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            // The value itself stays out of the message: it could be personal data.
            throw context.weirdStringException("", String.class, "a NUL character cannot be stored");
        }
        return value;
    }
}
