using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, with the demo region: what its nurses know and follow, and a few
/// questions to the network with answers, so the knowledge network does not open empty. The texts
/// speak of care in general terms, as the network asks of real ones.
/// </summary>
public static class DemoNetwork
{
    private sealed record DemoQuestion(string Topic, string Title, string Text, string[] Answers, bool MarkFirst);

    private static readonly DemoQuestion[] Questions =
    [
        new("wondzorg", "Ervaring met negatieve druktherapie thuis?",
            "Een diepe wond aan het onderbeen geneest slecht. De wondconsulent stelt een vacuümpomp voor. Hoe regelen jullie de pomp en de verbandwissels thuis?",
            ["Wij huren de pomp via de thuiszorgwinkel; de wondconsulent komt de eerste wissel mee. Reken op twee à drie wissels per week.",
             "Let op de lekkage bij het sponsje: een extra strip folie rond de randen scheelt veel alarmen 's nachts."], true),
        new("palliatieve-zorg", "Hoe bespreken jullie de wens om thuis te sterven?",
            "Een cliënt wil thuis sterven, de kinderen twijfelen of dat gaat. Hoe voeren jullie dat gesprek, en wie nodigen jullie erbij uit?",
            ["Wij plannen een gesprek met de huisarts erbij en gebruiken de vragen uit het Zorgpad Stervensfase als leidraad."], false),
        new("dementie", "Avondmedicatie wordt geweigerd",
            "Een cliënt met dementie weigert sinds een paar weken de avondmedicatie. Overdag gaat het goed. Wat werkt bij jullie?", [], false),
        new("diabetes", "Insuline bij een wisselende eetlust",
            "Hoe spreken jullie met de huisarts af wat te doen als iemand na het spuiten nauwelijks eet?",
            ["Wij hebben een schema van de POH: bij minder dan de helft van de maaltijd de dosis overleggen. Meet vooraf, niet achteraf."], true),
    ];

    public static async Task Seed(IGrainFactory grains, IReadOnlyList<TeamSnapshot> teams)
    {
        var shared = KnowHowTopics.Shared;
        var nurses = teams.SelectMany(t => t.Nurses.Select(n => (Team: t, Nurse: n))).ToList();
        foreach (var ((_, nurse), index) in nurses.Select((n, i) => (n, i)))
        {
            // Everyone follows wound care (the commonest question); each knows one or two topics well.
            string[] knows = index % 3 == 0 ? [shared[index % shared.Count], shared[(index * 5 + 3) % shared.Count]] : [shared[index % shared.Count]];
            await grains.GetGrain<IKnowHowGrain>(nurse.NurseId).Set(new KnowHowProfile([.. knows.Distinct()], false, [.. knows.Append("wondzorg").Distinct()]));
        }

        for (var q = 0; q < Questions.Length && nurses.Count > 1; q++)
        {
            var question = Questions[q];
            var asker = nurses[(q * 7) % nurses.Count];
            var id = Guid.NewGuid();
            var asked = await grains.GetGrain<IQuestionGrain>(id).Ask(await Author(grains, asker.Nurse.NurseId, asker.Team), question.Title, question.Text, [question.Topic]);
            var answers = new List<Guid>();
            for (var a = 0; a < question.Answers.Length; a++)
            {
                // Answers come from other teams: that is what the network is for.
                var answerer = nurses.Where(n => n.Team.Id != asker.Team.Id).ElementAtOrDefault(q + (a * 3)) is { Nurse: not null } other ? other : asker;
                var answerId = Guid.NewGuid();
                await grains.GetGrain<IQuestionGrain>(asked.Question!.Id).Answer(answerId, await Author(grains, answerer.Nurse.NurseId, answerer.Team), question.Answers[a]);
                answers.Add(answerId);
            }

            if (question.MarkFirst && answers.Count > 0)
            {
                await grains.GetGrain<IQuestionGrain>(id).MarkMostUseful(answers[0], asker.Nurse.NurseId);
            }
        }
    }

    private static async Task<NetworkAuthor> Author(IGrainFactory grains, Guid nurseId, TeamSnapshot team) =>
        new(nurseId, (await grains.GetGrain<INurseGrain>(nurseId).Get())?.Profile.Name ?? "", team.Name);
}
