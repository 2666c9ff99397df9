/** The {{module}} module's scheduled jobs: thin triggers over the module's plain methods. */
@NullMarked
package {{package}}.{{module}}.jobs;

import org.jspecify.annotations.NullMarked;
