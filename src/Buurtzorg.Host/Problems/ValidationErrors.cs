using System.Globalization;
using System.Text;

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
    /// Checks a person's or team's name: present, not longer than <paramref name="maxLength"/>,
    /// and free of control and invisible formatting characters (which make names that look
    /// alike but differ), judged on the name as it will be stored (<see cref="CleanName"/>).
    /// </summary>
    public void RequireName(string field, string? value, int maxLength)
    {
        var name = CleanName(value);
        if (name.Length == 0)
        {
            Add(field, $"'{field}' is required and may not be blank.");
            return;
        }

        if (name.Length > maxLength)
        {
            Add(field, $"'{field}' may be at most {maxLength} characters long.");
        }

        if (name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            Add(field, $"'{field}' may not contain control or invisible formatting characters.");
        }

    }

    /// <summary>A name as it is stored: trimmed, in Unicode normal form C (so "é" is one form).</summary>
    public static string CleanName(string? value)
    {
        var name = (value ?? "").Trim();
        return name.IsNormalized(NormalizationForm.FormC) ? name : name.Normalize(NormalizationForm.FormC);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
