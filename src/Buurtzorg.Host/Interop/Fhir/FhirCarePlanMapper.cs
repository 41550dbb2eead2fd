using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Hl7.Fhir.Model;
using FhirAddress = Hl7.Fhir.Model.Address;
using Visit = Buurtzorg.Contracts.Visits.Visit;

namespace Buurtzorg.Host.Interop.Fhir;

/// <summary>
/// The project's records as FHIR R4 resources. Entries are addressed by <c>urn:uuid:</c>
/// fullUrls and refer to each other by them, so every reference resolves inside the bundle
/// without a FHIR server. Ids are derived from the client and what they stand for (a problem's
/// code, a rating's place), so exporting the same plan twice names the same resources alike.
/// Only codes the R4 specification or the Omaha System publish are used; what has no code
/// (a rating concept, a modifier) is carried as text rather than as an invented code.
/// </summary>
public static class FhirCarePlanMapper
{
    public const string OmahaSystem = "http://www.omahasystem.org";

    private const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static Bundle Bundle(ClientRecord client, CarePlanSnapshot plan, IReadOnlyList<Visit> upcoming, IReadOnlyDictionary<Guid, string> nurseNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(upcoming);
        ArgumentNullException.ThrowIfNull(nurseNames);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Type = Hl7.Fhir.Model.Bundle.BundleType.Collection,
            Timestamp = now,
        };

        var patient = Patient(client);
        Add(bundle, patient);
        var conditions = plan.Problems.ToDictionary(p => p.Code, p => Condition(client, p, patient));
        var goals = new List<Goal>();
        foreach (var problem in plan.Problems)
        {
            var condition = conditions[problem.Code];
            Add(bundle, condition);
            var observations = Observations(client, problem, patient, condition).ToList();
            var goal = Goal(client, problem, patient, condition, observations);
            goals.Add(goal);
            Add(bundle, goal);
            observations.ForEach(o => Add(bundle, o));
        }

        Add(bundle, CarePlan(client, plan, patient, conditions, goals));
        foreach (var visit in upcoming.OrderBy(v => v.Date).ThenBy(v => v.WindowStart))
        {
            Add(bundle, Appointment(visit, plan, patient, conditions, nurseNames));
        }

        return bundle;
    }

    /// <summary>The urn a resource is known by inside the bundle.</summary>
    public static string Urn(Resource resource) => $"urn:uuid:{resource?.Id}";

    private static void Add(Bundle bundle, Resource resource) =>
        bundle.Entry.Add(new Hl7.Fhir.Model.Bundle.EntryComponent { FullUrl = Urn(resource), Resource = resource });

    private static ResourceReference Reference(Resource resource, string? display = null) => new(Urn(resource), display);

    private static Patient Patient(ClientRecord client)
    {
        var details = client.Details;
        return new Patient
        {
            Id = client.Id.ToString("D"),
            Active = client.Status != ClientStatus.Discharged,
            Name = [new HumanName { Text = details.Name, Use = HumanName.NameUse.Official }],
            BirthDate = details.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, details.Phone)],
            Address =
            [
                new FhirAddress
                {
                    Use = FhirAddress.AddressUse.Home,
                    Line = [$"{details.Address.Street} {details.Address.HouseNumber}"],
                    PostalCode = details.Address.Postcode,
                    City = details.Address.City,
                    Country = "NL",
                },
            ],
            // The client's own network: the people they named, whatever each may see in the app.
            Contact = [.. client.Network.Select(Contact)],
        };
    }

    private static Patient.ContactComponent Contact(NetworkMember member)
    {
        var telecom = new List<ContactPoint>();
        if (!string.IsNullOrWhiteSpace(member.Details.Phone))
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, member.Details.Phone));
        }

        if (!string.IsNullOrWhiteSpace(member.Details.Email))
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, member.Details.Email));
        }

        return new Patient.ContactComponent
        {
            Name = new HumanName { Text = member.Details.Name },
            Relationship = [new CodeableConcept { Text = member.Details.RelationDescription ?? member.Details.Relation.ToString() }],
            Telecom = telecom,
        };
    }

    private static Condition Condition(ClientRecord client, CarePlanProblem problem, Patient patient)
    {
        var name = ProblemName(problem.Code);
        return new Condition
        {
            Id = Derived(client.Id, $"condition {problem.Code}").ToString("D"),
            ClinicalStatus = new CodeableConcept(ConditionClinical, "active", "Active"),
            Category = [new CodeableConcept(ConditionCategory, "problem-list-item", "Problem List Item")],
            Code = new CodeableConcept(OmahaSystem, ProblemCode(problem.Code), name, name),
            Subject = Reference(patient),
            // Signs and symptoms are what an Actual problem was seen by.
            Evidence = [.. problem.SignsAndSymptoms.Select(s => new Condition.EvidenceComponent { Code = [new CodeableConcept { Text = s }] })],
            Note = [new Annotation { Text = new Markdown($"Omaha System modifiers: {problem.Scope}, {Modifier(problem.Type)}.") }],
        };
    }

    private static Goal Goal(ClientRecord client, CarePlanProblem problem, Patient patient, Condition condition, IReadOnlyList<Observation> ratings) => new()
    {
        Id = Derived(client.Id, $"goal {problem.Code}").ToString("D"),
        LifecycleStatus = client.Status == ClientStatus.Discharged ? Hl7.Fhir.Model.Goal.GoalLifecycleStatus.Completed : Hl7.Fhir.Model.Goal.GoalLifecycleStatus.Active,
        Description = new CodeableConcept { Text = $"{ProblemName(problem.Code)}: better knowledge, behaviour and status on the Omaha Problem Rating Scale for Outcomes" },
        Subject = Reference(patient),
        Addresses = [Reference(condition)],
        OutcomeReference = [.. ratings.Select(r => Reference(r))],
    };

    /// <summary>Every rating the plan holds, oldest first, as one Observation per concept.</summary>
    private static IEnumerable<Observation> Observations(ClientRecord client, CarePlanProblem problem, Patient patient, Condition condition)
    {
        var name = ProblemName(problem.Code);
        for (var index = 0; index < problem.Ratings.Count; index++)
        {
            var rating = problem.Ratings[index];
            foreach (var (concept, value) in (IEnumerable<(RatingConcept, int)>)[(RatingConcept.Knowledge, rating.Knowledge), (RatingConcept.Behavior, rating.Behavior), (RatingConcept.Status, rating.Status)])
            {
                yield return new Observation
                {
                    Id = Derived(client.Id, $"rating {problem.Code} {index} {concept}").ToString("D"),
                    Status = ObservationStatus.Final,
                    Category = [new CodeableConcept(ObservationCategory, "survey", "Survey")],
                    Code = new CodeableConcept { Text = $"Omaha Problem Rating Scale for Outcomes: {concept} ({name})" },
                    Subject = Reference(patient),
                    Focus = [Reference(condition)],
                    Effective = new FhirDateTime(rating.RatedOn.Year, rating.RatedOn.Month, rating.RatedOn.Day),
                    Value = new Integer(value),
                    Note = [new Annotation { Text = new Markdown($"{rating.Moment}: {ProblemRatingScale.Anchors[concept][value - 1]} ({value} of {ProblemRatingScale.Highest}).") }],
                };
            }
        }
    }

    private static CarePlan CarePlan(ClientRecord client, CarePlanSnapshot plan, Patient patient, IReadOnlyDictionary<int, Condition> conditions, IReadOnlyList<Goal> goals) => new()
    {
        Id = Derived(client.Id, "care plan").ToString("D"),
        Status = client.Status switch
        {
            ClientStatus.Paused => RequestStatus.OnHold,
            ClientStatus.Discharged => RequestStatus.Completed,
            _ => RequestStatus.Active,
        },
        Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
        Title = "Zorgplan",
        Description = $"Care plan version {plan.Version}, in the Omaha System.",
        Subject = Reference(patient),
        Period = new Period { Start = client.Details.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        Addresses = [.. conditions.Values.Select(c => Reference(c))],
        Goal = [.. goals.Select(g => Reference(g))],
        Activity = [.. plan.Problems.SelectMany(p => p.Interventions.Select(i => Activity(client, p, i, conditions[p.Code])))],
    };

    private static Hl7.Fhir.Model.CarePlan.ActivityComponent Activity(ClientRecord client, CarePlanProblem problem, Intervention intervention, Condition condition)
    {
        var target = InterventionTargets.TryGet(intervention.TargetCode, out var t) ? t.Name : intervention.TargetCode.ToString(CultureInfo.InvariantCulture);
        var schedule = intervention.Schedule;
        var detail = new Hl7.Fhir.Model.CarePlan.DetailComponent
        {
            Code = new CodeableConcept { Text = $"{Category(intervention.Category)}: {target}" },
            Description = intervention.Description,
            ReasonReference = [Reference(condition)],
            Status = client.Status switch
            {
                ClientStatus.Paused => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.OnHold,
                ClientStatus.Discharged => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Completed,
                _ => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.InProgress,
            },
            Scheduled = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = schedule.TimesPerPeriod,
                    Period = 1,
                    PeriodUnit = schedule.Period == SchedulePeriod.Week ? Timing.UnitsOfTime.Wk : Timing.UnitsOfTime.D,
                    Duration = schedule.DurationMinutes,
                    DurationUnit = Timing.UnitsOfTime.Min,
                },
            },
        };
        if (intervention.PerformedBy == Performer.Network
            && client.Network.FirstOrDefault(m => m.Id == intervention.NetworkMemberId) is { } member)
        {
            detail.Performer = [new ResourceReference { Display = member.Details.Name }];
        }

        return new Hl7.Fhir.Model.CarePlan.ActivityComponent { Detail = detail };
    }

    private static Appointment Appointment(Visit visit, CarePlanSnapshot plan, Patient patient, IReadOnlyDictionary<int, Condition> conditions, IReadOnlyDictionary<Guid, string> nurseNames)
    {
        var interventions = plan.Problems.SelectMany(p => p.Interventions.Select(i => (Problem: p.Code, Intervention: i))).ToDictionary(x => x.Intervention.Id);
        var done = (IReadOnlyList<Guid>)[visit.InterventionId, .. visit.WithInterventionIds ?? []];
        var found = done.Where(interventions.ContainsKey).Select(id => interventions[id]).ToList();
        var participants = new List<Appointment.ParticipantComponent>
        {
            new() { Actor = Reference(patient, patient.Name[0].Text), Status = ParticipationStatus.Accepted },
        };
        participants.AddRange(visit.AssignedNurses.Select(n => new Appointment.ParticipantComponent
        {
            Actor = new ResourceReference { Display = nurseNames.GetValueOrDefault(n, "") },
            Type = [new CodeableConcept { Text = "District nurse" }],
            Status = ParticipationStatus.Accepted,
        }));
        return new Appointment
        {
            Id = visit.Id.ToString("D"),
            Status = visit.Status switch
            {
                VisitStatus.Done => Hl7.Fhir.Model.Appointment.AppointmentStatus.Fulfilled,
                VisitStatus.NotDone => Hl7.Fhir.Model.Appointment.AppointmentStatus.Noshow,
                VisitStatus.Cancelled => Hl7.Fhir.Model.Appointment.AppointmentStatus.Cancelled,
                // Still waiting for (one of) its nurses: the team has not filled it yet.
                _ when visit.AssignedNurses.Count < visit.NursesNeeded => Hl7.Fhir.Model.Appointment.AppointmentStatus.Pending,
                _ => Hl7.Fhir.Model.Appointment.AppointmentStatus.Booked,
            },
            ServiceType = [.. found.Select(f => new CodeableConcept { Text = f.Intervention.Description })],
            ReasonReference = [.. found.Select(f => f.Problem).Distinct().Where(conditions.ContainsKey).Select(c => Reference(conditions[c]))],
            Description = $"Home visit between {visit.WindowStart:HH\\:mm} and {visit.WindowEnd:HH\\:mm}, {visit.DurationMinutes} minutes, {visit.NursesNeeded} nurse(s).",
            // The window the nurse comes in: the visit itself takes minutesDuration of it.
            Start = DutchCalendar.At(visit.Date, visit.WindowStart),
            End = DutchCalendar.At(visit.Date, visit.WindowEnd),
            MinutesDuration = visit.DurationMinutes,
            Participant = participants,
        };
    }

    public static string ProblemCode(int code) => code.ToString("D2", CultureInfo.InvariantCulture);

    private static string ProblemName(int code) => OmahaProblems.TryGet(code, out var problem) ? problem.Name : $"Omaha problem {ProblemCode(code)}";

    private static string Modifier(ProblemType type) => type switch
    {
        ProblemType.HealthPromotion => "Health promotion",
        _ => type.ToString(),
    };

    private static string Category(InterventionCategory category) => category switch
    {
        InterventionCategory.TeachingGuidanceAndCounseling => "Teaching, guidance, and counseling",
        InterventionCategory.TreatmentsAndProcedures => "Treatments and procedures",
        InterventionCategory.CaseManagement => "Case management",
        _ => "Surveillance",
    };

    /// <summary>A stable id for something of the client's that has none of its own (a rating, the plan's Condition per problem).</summary>
    private static Guid Derived(Guid clientId, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId:D} {what}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
