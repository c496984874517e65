import { describeErrorPath, isFieldPath } from './eventSetupErrors.js';

/**
 * The set-up's refusal at the top of the form: what the server said, then each problem by its field,
 * as a link that moves focus to the field (problems the form has no field for are named only).
 */
export function SetupErrorSummary({ id, message, paths, fieldId, problemOf }: {
  id: string;
  message: string;
  paths: readonly string[];
  fieldId: (path: string) => string;
  problemOf: (path: string) => string;
}) {
  return (
    <div className="notice notice-error error-summary" role="alert" id={id} tabIndex={-1} data-testid="event-setup-errors">
      <p>
        <strong>{message}</strong>
      </p>
      {paths.length > 0 && (
        <ul>
          {paths.map((path) => (
            <li key={path}>
              {!isFieldPath(path) ? (
                describeErrorPath(path)
              ) : (
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(e) => {
                    const target = document.getElementById(fieldId(path));
                    if (target) {
                      e.preventDefault();
                      target.focus();
                    }
                  }}
                >
                  {describeErrorPath(path)}
                </a>
              )}
              : {problemOf(path)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
