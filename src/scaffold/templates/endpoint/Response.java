package {{package}}.{{module}}.web;

/** The answer to {{method}} {{path}}. */
record {{Operation}}Response({{responseComponents}}) {}
