using Bogus;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Demo;

/// <summary>
/// Care that district nursing typically gives, as Omaha problems with their interventions, and
/// how often each appears among clients (weights roughly after published Dutch district-nursing
/// case mixes: medication, skin, personal care and circulation most common).
/// </summary>
public static class CarePatterns
{
    public sealed record Pattern(
        double Weight, int ProblemCode, ProblemType Type, string[] Signs, Func<Randomizer, Guid?, IReadOnlyList<Intervention>> Interventions);

    public static IReadOnlyList<Pattern> All { get; } =
    [
        new(0.40, 42, ProblemType.Actual, ["moeite met innemen volgens voorschrift"], (r, family) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie aanreiken en innemen controleren",
                r.Int(1, 3), SchedulePeriod.Day, "07:30", "21:30", 10, Qualification.InjectionsAndMedication),
        ]),
        new(0.12, 42, ProblemType.Actual, ["wisselende bloedsuikers"], (r, _) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 39, "Insuline spuiten en bloedsuiker meten",
                2, SchedulePeriod.Day, "07:00", "19:00", 15, Qualification.DiabetesCare),
        ]),
        new(0.30, 24, ProblemType.Actual, ["lesie/open wond"], (r, _) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 17, "Wond verzorgen en verband wisselen",
                r.Int(2, 3), SchedulePeriod.Week, "09:00", "13:00", 30, Qualification.WoundCare),
            Team(r, InterventionCategory.Surveillance, 62, "Wondgenezing beoordelen en vastleggen",
                1, SchedulePeriod.Week, "09:00", "13:00", 10, Qualification.WoundCare),
        ]),
        new(0.30, 38, ProblemType.Actual, ["moeite met wassen", "moeite met aankleden"], (r, family) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 50, "Helpen bij douchen en aankleden",
                r.Int(3, 7), SchedulePeriod.Week, "07:30", "10:30", 45, Qualification.BasicCare, twoNurses: r.Double() < 0.05),
            .. family is { } member
                ? new[] { Network(r, member, 50, "Haren wassen op zaterdag", 1, SchedulePeriod.Week, "10:00", "12:00", 30) }
                : [],
        ]),
        new(0.20, 27, ProblemType.Actual, ["oedeem"], (r, family) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 44, "Steunkousen aantrekken",
                1, SchedulePeriod.Day, "07:30", "10:00", 15, Qualification.BasicCare),
            family is { } member
                ? Network(r, member, 44, "Steunkousen uittrekken", 1, SchedulePeriod.Day, "20:00", "22:00", 10)
                : Team(r, InterventionCategory.TreatmentsAndProcedures, 44, "Steunkousen uittrekken",
                    1, SchedulePeriod.Day, "20:00", "22:00", 10, Qualification.BasicCare),
        ]),
        new(0.10, 25, ProblemType.Potential, [], (r, _) =>
        [
            Team(r, InterventionCategory.TeachingGuidanceAndCounseling, 43, "Oefenen met opstaan en lopen met rollator",
                2, SchedulePeriod.Week, "10:00", "16:00", 20, Qualification.BasicCare),
        ]),
        new(0.10, 21, ProblemType.Actual, ["vergeetachtig"], (r, family) =>
        [
            Team(r, InterventionCategory.Surveillance, 61, "Dagstructuur en geheugen in de gaten houden",
                1, SchedulePeriod.Day, "11:00", "17:00", 15, Qualification.BasicCare),
        ]),
        new(0.06, 30, ProblemType.Actual, ["incontinent voor urine"], (r, _) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 4, "Katheter verzorgen",
                2, SchedulePeriod.Week, "09:00", "15:00", 20, Qualification.CatheterAndStomaCare),
        ]),
        new(0.05, 22, ProblemType.Actual, ["pijn bij bewegen"], (r, _) =>
        [
            Team(r, InterventionCategory.TreatmentsAndProcedures, 21, "Palliatieve zorg en pijnbestrijding",
                2, SchedulePeriod.Day, "08:00", "22:00", 30, Qualification.PalliativeCare, twoNurses: r.Double() < 0.3),
        ]),
        new(0.08, 35, ProblemType.Potential, [], (r, family) =>
        [
            family is { } member
                ? Network(r, member, 15, "Warme maaltijd klaarzetten", 5, SchedulePeriod.Week, "17:00", "18:30", 20)
                : Team(r, InterventionCategory.CaseManagement, 48, "Maaltijdvoorziening regelen en bijhouden",
                    1, SchedulePeriod.Week, "10:00", "16:00", 15, Qualification.BasicCare),
        ]),
    ];

    private static Intervention Team(
        Randomizer random, InterventionCategory category, int target, string description, int times, SchedulePeriod period,
        string from, string to, int minutes, Qualification qualification, bool twoNurses = false) =>
        new(random.Guid(), category, target, description,
            new InterventionSchedule(times, period, Time(from), Time(to), minutes, qualification, twoNurses), Performer.Team, null);

    private static Intervention Network(Randomizer random, Guid member, int target, string description, int times, SchedulePeriod period, string from, string to, int minutes) =>
        new(random.Guid(), InterventionCategory.TreatmentsAndProcedures, target, description,
            new InterventionSchedule(times, period, Time(from), Time(to), minutes, null, false), Performer.Network, member);

    private static TimeOnly Time(string value) => TimeOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
