using System.Globalization;
using System.Text.RegularExpressions;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Knowledge;

/// <summary>A person the text must not name: a client of the writer's team.</summary>
public sealed record KnownPerson(string Name, string Street, string HouseNumber, string Postcode);

/// <summary>
/// Finds what would make a person recognisable in text meant for nurses across the country. It
/// errs on the side of refusing: a nurse can always say it without the detail, and a name once
/// posted to the whole network cannot be taken back from every reader.
/// </summary>
public static partial class IdentifyingText
{
    private const string ClientName = FieldCodes.IdentifiesClientName;
    private const string Address = FieldCodes.IdentifiesAddress;
    private const string Postcode = FieldCodes.IdentifiesPostcode;
    private const string DateOfBirth = FieldCodes.IdentifiesDateOfBirth;
    private const string Bsn = FieldCodes.IdentifiesBsn;
    private const string Phone = FieldCodes.IdentifiesPhone;

    private static readonly Dictionary<string, string> Explanations = new(StringComparer.Ordinal)
    {
        [ClientName] = "This names a client of your team.",
        [Address] = "This holds an address (a street and a house number).",
        [Postcode] = "This holds a postcode, which with a house number points to one home.",
        [DateOfBirth] = "This holds a full date that may be someone's date of birth.",
        [Bsn] = "This holds a number shaped like a BSN (nine digits).",
        [Phone] = "This holds a phone number.",
    };

    /// <summary>Why the text was refused, in the API's words; pages say it in their own by the code.</summary>
    public static string Explain(string code) =>
        $"{Explanations[code]} Questions and answers in the network must not identify a person: leave it out and ask in general terms.";

    /// <summary>The codes of what identifies someone in <paramref name="text"/>, each once.</summary>
    public static IReadOnlyList<string> Find(string text, IReadOnlyCollection<KnownPerson> clients, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clients);
        var found = new List<string>();
        if (clients.Any(c => NamesClient(text, c.Name)))
        {
            found.Add(ClientName);
        }

        if (StreetAndNumber().IsMatch(text) || clients.Any(c => MentionsHome(text, c)))
        {
            found.Add(Address);
        }

        if (UpperCasePostcode().IsMatch(text) || LowerCasePostcodeWithNumber().IsMatch(text))
        {
            found.Add(Postcode);
        }

        if (FullDates(text, today).Any(year => year < today.Year - 1))
        {
            found.Add(DateOfBirth);
        }

        var numbers = NumberShapes(text).ToList();
        if (numbers.Contains(Phone))
        {
            found.Add(Phone);
        }

        if (numbers.Contains(Bsn))
        {
            found.Add(Bsn);
        }

        return found;
    }

    // The whole name in any case ("johanna de groot"), or the surname with its prefix as written
    // in the record ("de Groot", "Jansen"): capitalised, so the word "groot" in a sentence passes.
    private static bool NamesClient(string text, string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        if (Regex.IsMatch(text, $@"(?<!\p{{L}}){Words(parts)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return true;
        }

        var surname = parts.Length > 1 ? parts[1..] : parts;
        return string.Concat(surname).Length >= 4
            && Regex.IsMatch(text, $@"(?<!\p{{L}}){Words(surname)}(?!\p{{L}})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool MentionsHome(string text, KnownPerson client) =>
        Regex.IsMatch(text, $@"(?<!\p{{L}}){Words(client.Street.Split(' ', StringSplitOptions.RemoveEmptyEntries))}\s+{Regex.Escape(client.HouseNumber)}(?![\p{{L}}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        || (client.Postcode.Length > 0 && text.Replace(" ", "", StringComparison.Ordinal).Contains(client.Postcode.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    private static string Words(IEnumerable<string> words) => string.Join(@"\s+", words.Select(Regex.Escape));

    private static IEnumerable<int> FullDates(string text, DateOnly today)
    {
        foreach (Match match in NumericDate().Matches(text))
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            // "3-12-26" is this year's date, "3-12-45" one long past.
            yield return match.Groups["year"].Length == 4 ? year : year <= today.Year % 100 ? 2000 + year : 1900 + year;
        }

        foreach (Match match in WrittenDate().Matches(text))
        {
            yield return int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
    }

    // Numbers with their separators: a Dutch phone number is ten digits from a 0 (or +31 and nine);
    // anything else of exactly nine digits is shaped like a BSN. Both tight runs ("0612345678",
    // "123.456.782") and spaced groups ("06 1234 5678") are read.
    private static IEnumerable<string> NumberShapes(string text)
    {
        foreach (var pattern in new[] { TightNumber(), SpacedNumber() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var international = match.Value.StartsWith('+') || match.Value.StartsWith("0031", StringComparison.Ordinal);
                var digits = new string([.. match.Value.Where(char.IsAsciiDigit)]);
                if (international ? digits.Length is 11 or 13 : digits.Length == 10 && digits[0] == '0')
                {
                    yield return Phone;
                }
                else if (!international && digits.Length == 9)
                {
                    yield return Bsn;
                }
            }
        }
    }

    [GeneratedRegex(@"(?<!\p{L})\p{L}+(straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|steeg|dreef|park|markt|plantsoen|baan|boulevard|wal|haven|erf|veld|zijde|allee|straatweg)\s+\d{1,5}(\s?[a-z])?(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StreetAndNumber();

    [GeneratedRegex(@"(?<![\p{L}\d])[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}\d])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UpperCasePostcode();

    // In lower case only with a house number after it: "1000 mg 3 keer" is a dose, not a home.
    [GeneratedRegex(@"(?<![\p{L}\d])[1-9]\d{3}\s?(?!mg|ml|kg|cm|mm|km|ie|eh|uu|ug)[a-z]{2}\s+\d{1,5}(?![\d])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LowerCasePostcodeWithNumber();

    [GeneratedRegex(@"(?<![\d])(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](?<year>(19|20)\d{2}|\d{2})(?![\d])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![\d])(0?[1-9]|[12]\d|3[01])\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(?<year>(19|20)\d{2})(?![\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"(?<![\w+])(\+|0031)?\d[\d.\-]{7,14}\d(?![\d])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TightNumber();

    [GeneratedRegex(@"(?<![\w+])(\+31\s?|0031\s?)?\d{1,4}([\s\-]\d{2,8}){1,4}(?![\d])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpacedNumber();
}
