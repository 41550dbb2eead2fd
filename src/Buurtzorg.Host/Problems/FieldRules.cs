using System.Buffers;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Host.Problems;

/// <summary>Checks shared by several requests; each names the field it found wanting.</summary>
public static partial class FieldRules
{
    public const int MaxTextLength = 500;

    /// <summary>
    /// One line of text (a street, a house number, a city, a name, a relation, an e-mail address):
    /// required, at most <paramref name="maxLength"/> long, and free of line breaks, tabs, other
    /// control characters and invisible formatting characters; judged as stored (<see cref="Clean"/>).
    /// </summary>
    public static void RequireSingleLine(this ValidationErrors errors, string field, string? value, int maxLength) =>
        errors.Text(field, value, maxLength, required: true, multiLine: false);

    /// <inheritdoc cref="RequireSingleLine"/>
    public static void OptionalSingleLine(this ValidationErrors errors, string field, string? value, int maxLength) =>
        errors.Text(field, value, maxLength, required: false, multiLine: false);

    /// <summary>
    /// Free text a person writes (a description, a note, a reason): as <see cref="RequireSingleLine"/>,
    /// but line breaks (CR and LF) may stay.
    /// </summary>
    public static void RequireMultiLine(this ValidationErrors errors, string field, string? value, int maxLength) =>
        errors.Text(field, value, maxLength, required: true, multiLine: true);

    /// <inheritdoc cref="RequireMultiLine"/>
    public static void OptionalMultiLine(this ValidationErrors errors, string field, string? value, int maxLength) =>
        errors.Text(field, value, maxLength, required: false, multiLine: true);

    /// <summary>
    /// Text as it is stored: trimmed, in Unicode normal form C, so "é" typed as one character or as
    /// "e" and an accent is one form, and two records that look alike are alike. Apply only to text
    /// that passed the rules above (normalising refuses broken UTF-16).
    /// </summary>
    public static string Clean(string value)
    {
        var text = value.Trim();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Optional text as stored: <see cref="Clean"/>, and nothing for blank.</summary>
    public static string? CleanOptional(string? value) => string.IsNullOrWhiteSpace(value) ? null : Clean(value);

    /// <summary>
    /// The one text rule of the API. Control characters would break the screens and exports that
    /// show the text; Unicode format characters (zero-width spaces and joiners, bidirectional
    /// overrides and isolates, soft hyphens; category Cf) are invisible, so they make text that
    /// looks like other text, or reads backwards on a nurse's screen: none of it is care
    /// information. The line and paragraph separators U+2028/2029 count as line breaks that no
    /// screen expects, so only CR and LF are allowed, and only where text has lines. (This also
    /// refuses emoji sequences glued with a zero-width joiner; single emoji are fine.)
    /// </summary>
    private static void Text(this ValidationErrors errors, string field, string? value, int maxLength, bool required, bool multiLine)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required and may not be blank.", FieldCodes.Required);
            }

            return;
        }

        switch (Forbidden(value, multiLine))
        {
            case TextFault.Broken:
                errors.Add(field, $"'{field}' is not valid Unicode text.", FieldCodes.InvalidCharacters);
                return;
            case TextFault.LineBreak:
                errors.Add(field, $"'{field}' must be a single line: no line breaks or tabs.", FieldCodes.SingleLine);
                break;
            case TextFault.Invisible:
                errors.Add(field, $"'{field}' may not contain control or invisible formatting characters.", FieldCodes.InvalidCharacters);
                break;
        }

        if (Clean(value).Length > maxLength)
        {
            errors.Add(field, $"'{field}' may be at most {maxLength} characters long.", FieldCodes.TooLong);
        }
    }

    private enum TextFault
    {
        None,
        LineBreak,
        Invisible,
        Broken,
    }

    // By code point, not by char: a format character beyond the first plane (a tag character,
    // U+E0001) arrives as two surrogates, each of which alone looks harmless.
    private static TextFault Forbidden(string value, bool multiLine)
    {
        var fault = TextFault.None;
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return TextFault.Broken;
            }

            rest = rest[used..];
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '\r' or '\n')
            {
                fault = multiLine ? fault : Worst(fault, TextFault.LineBreak);
            }
            else if (rune.Value == '\t')
            {
                fault = Worst(fault, TextFault.LineBreak);
            }
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                fault = Worst(fault, TextFault.Invisible);
            }
        }

        return fault;
    }

    private static TextFault Worst(TextFault a, TextFault b) => (TextFault)Math.Max((int)a, (int)b);

    public static void RequireDefined<TEnum>(this ValidationErrors errors, string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is not { } v || !Enum.IsDefined(v))
        {
            errors.Add(field, $"'{field}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.", FieldCodes.NotAnOption);
        }
    }

    public static void RequireId(this ValidationErrors errors, string field, Guid? value)
    {
        if (value is null || value == Guid.Empty)
        {
            errors.Add(field, $"'{field}' is required.", FieldCodes.Required);
        }
    }

    /// <summary>A Dutch phone number: 0 or +31 and nine more digits, spaces and dashes allowed.</summary>
    public static void Phone(this ValidationErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.", FieldCodes.Required);
            }

            return;
        }

        if (!DutchPhone().IsMatch(value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)))
        {
            errors.Add(field, $"'{field}' must be a Dutch phone number, such as 030 123 4567 or +31 6 12345678.", FieldCodes.Phone);
        }
    }

    public static void OptionalEmail(this ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        errors.OptionalSingleLine(field, value, 254);
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value.Trim())
        {
            errors.Add(field, $"'{field}' must be an e-mail address.", FieldCodes.Email);
        }
    }

    /// <summary>A Dutch postcode: four digits not starting with 0, then two letters.</summary>
    public static void Postcode(this ValidationErrors errors, string field, string? value)
    {
        if (value is null || !DutchPostcode().IsMatch(value.Trim()))
        {
            errors.Add(field, $"'{field}' must be a Dutch postcode such as 3511 AB (the first digit is never 0).", FieldCodes.Postcode);
        }
    }

    public static void LocationInTheNetherlands(this ValidationErrors errors, string field, double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon || !new GeoPoint(lat, lon).IsInTheNetherlands)
        {
            errors.Add(field, $"'{field}' must be a latitude and longitude in the Netherlands.", FieldCodes.Location);
        }
    }

    /// <summary>"3511ab" and "3511 AB" are the same postcode; store one form.</summary>
    public static string NormalisePostcode(string postcode)
    {
        var compact = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return $"{compact[..4]} {compact[4..]}";
    }

    [GeneratedRegex(@"^(\+31|0031|0)[1-9][0-9]{8}$")]
    private static partial Regex DutchPhone();

    [GeneratedRegex(@"^[1-9][0-9]{3} ?[A-Za-z]{2}$")]
    private static partial Regex DutchPostcode();
}
