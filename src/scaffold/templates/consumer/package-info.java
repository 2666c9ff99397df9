/** The {{module}} module's consumers of other services' events: payload records and their listeners. */
@NullMarked
package {{package}}.{{module}}.messaging;

import org.jspecify.annotations.NullMarked;
