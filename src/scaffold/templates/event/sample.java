samples.put(
        {{Event}}.class,
        new {{Event}}(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-27T10:15:30Z")));
