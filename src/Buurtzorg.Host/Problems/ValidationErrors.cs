namespace Buurtzorg.Host.Problems;

/// <summary>Problems found in a request, per field (named as the client sent it, camelCase).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _codes = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>A message about a field, with what the rule found (one of <see cref="FieldCodes"/>) for pages that say it in their own words.</summary>
    public void Add(string field, string message, string code = FieldCodes.Invalid)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
            _codes[field] = [];
        }

        messages.Add(message);
        _codes[field].Add(code);
    }

    /// <summary>
    /// Checks a person's or team's name: one line of text by the API's one text rule
    /// (<see cref="FieldRules.RequireSingleLine"/>), which refuses the control and invisible
    /// formatting characters that make names that look alike but differ.
    /// </summary>
    public void RequireName(string field, string? value, int maxLength) => this.RequireSingleLine(field, value, maxLength);

    /// <summary>A name as it is stored (<see cref="FieldRules.Clean"/>).</summary>
    public static string CleanName(string? value) => FieldRules.Clean(value ?? "");

    /// <summary>Per field, the code of each message of <see cref="ToDictionary"/>, in the same order.</summary>
    public IDictionary<string, string[]> Codes() => _codes.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
