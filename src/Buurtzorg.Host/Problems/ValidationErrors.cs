namespace Buurtzorg.Host.Problems;

/// <summary>Problems found in a request, per field (named as the client sent it, camelCase).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>
    /// Checks a person's or team's name: one line of text by the API's one text rule
    /// (<see cref="FieldRules.RequireSingleLine"/>), which refuses the control and invisible
    /// formatting characters that make names that look alike but differ.
    /// </summary>
    public void RequireName(string field, string? value, int maxLength) => this.RequireSingleLine(field, value, maxLength);

    /// <summary>A name as it is stored (<see cref="FieldRules.Clean"/>).</summary>
    public static string CleanName(string? value) => FieldRules.Clean(value ?? "");

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
