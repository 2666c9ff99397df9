package {{package}}.{{module}}.{{client}};

/** What {{provider}}'s API answers for an item, as their contract says. */
public record {{Client}}Item(String reference, String status) {}
