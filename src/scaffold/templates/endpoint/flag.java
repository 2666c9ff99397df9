
@Label("{{method}} {{path}}: {{summary}} (change {{changeNumber}})")
{{flag}},
