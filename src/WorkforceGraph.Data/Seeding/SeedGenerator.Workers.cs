using System.Globalization;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Seeding;

/// <summary>Workers, posts, training records and assessments of one county at a time.</summary>
internal sealed partial class SeedGenerator
{
    private static readonly WeightedList<EducationLevel> PrincipalEducation = new(
        [(EducationLevel.SeniorSecondary, 8), (EducationLevel.JuniorCollege, 35), (EducationLevel.Bachelor, 50), (EducationLevel.Master, 7)]);

    private static readonly WeightedList<EducationLevel> DeputyEducation = new(
        [(EducationLevel.SeniorSecondary, 11), (EducationLevel.JuniorCollege, 40), (EducationLevel.Bachelor, 45), (EducationLevel.Master, 4)]);

    private static readonly WeightedList<EducationLevel> StaffEducation = new(
        [(EducationLevel.JuniorSecondaryOrBelow, 1), (EducationLevel.SeniorSecondary, 11), (EducationLevel.JuniorCollege, 43), (EducationLevel.Bachelor, 42), (EducationLevel.Master, 3)]);

    // Secretaries are CPC members (the community Party organisation's secretary); committee members mostly.
    private static readonly WeightedList<PoliticalStatus> DeputyPolitics = new(
        [(PoliticalStatus.CpcMember, 72), (PoliticalStatus.CpcProbationaryMember, 4), (PoliticalStatus.CylMember, 6), (PoliticalStatus.DemocraticPartyMember, 1), (PoliticalStatus.NonPartisan, 3), (PoliticalStatus.Masses, 14)]);

    private static readonly WeightedList<PoliticalStatus> StaffPolitics = new(
        [(PoliticalStatus.CpcMember, 34), (PoliticalStatus.CpcProbationaryMember, 5), (PoliticalStatus.CylMember, 18), (PoliticalStatus.DemocraticPartyMember, 1), (PoliticalStatus.NonPartisan, 2), (PoliticalStatus.Masses, 40)]);

    private static readonly WeightedList<SocialWorkQualification?> PrincipalQualification = new(
        [(null, 25), (SocialWorkQualification.Assistant, 35), (SocialWorkQualification.Intermediate, 34), (SocialWorkQualification.Senior, 6)]);

    private static readonly WeightedList<SocialWorkQualification?> StaffQualification = new(
        [(null, 42), (SocialWorkQualification.Assistant, 33), (SocialWorkQualification.Intermediate, 22), (SocialWorkQualification.Senior, 3)]);

    private void GenerateCounty(CountyInfo county)
    {
        var random = new Random(Mix(options.RandomSeed, county.Code));
        var usedIds = new HashSet<long>();
        var drafts = new List<WorkerDraft>();
        foreach (var community in county.Urban)
        {
            GenerateCommunity(random, county, community, usedIds, drafts);
        }

        foreach (var draft in drafts)
        {
            writer.Write(draft.Worker);
        }

        foreach (var draft in drafts)
        {
            foreach (var post in draft.Posts)
            {
                writer.Write(post);
            }
        }

        foreach (var draft in drafts)
        {
            WriteTrainingRecords(random, county, draft);
        }

        WriteAssessments(random, county, drafts);
    }

    private void GenerateCommunity(Random random, CountyInfo county, CommunityInfo community, HashSet<long> usedIds, List<WorkerDraft> drafts)
    {
        // Staffing gaps both ways (art. 3): about a third under the standard, a quarter over it.
        var standard = community.StandardStaffing;
        var band = random.Next(100);
        var factor = band < 35 ? 0.6 + random.NextDouble() * 0.3 : band < 75 ? 0.9 + random.NextDouble() * 0.2 : 1.1 + random.NextDouble() * 0.3;
        var target = Math.Max(3, (int)Math.Round(standard * factor));

        // One Party secretary, often also the residents' committee director (一肩挑).
        var secretary = NewWorker(random, county, community, Band.Principal, usedIds);
        var oneShoulder = random.Next(100) < 60;
        var secretaryStart = AddHistory(random, county, community, secretary, PostRole.PartySecretary, PostRole.PartyCommitteeMember, 60);
        if (oneShoulder)
        {
            AddPost(county, secretary, community.Id, PostRole.CommitteeDirector, secretaryStart, null);
        }

        drafts.Add(secretary);
        var filled = 1;
        if (!oneShoulder)
        {
            var director = NewWorker(random, county, community, Band.Principal, usedIds);
            AddHistory(random, county, community, director, PostRole.CommitteeDirector, PostRole.CommitteeMember, 50);
            drafts.Add(director);
            filled++;
        }

        var deputies = Math.Clamp((int)Math.Round(target * 0.2), 1, 4);
        for (var i = 0; i < deputies && filled < target; i++, filled++)
        {
            var deputy = NewWorker(random, county, community, Band.Deputy, usedIds);
            AddHistory(random, county, community, deputy, i % 2 == 0 ? PostRole.PartyCommitteeMember : PostRole.CommitteeMember, PostRole.FullTimeStaff, 40);
            drafts.Add(deputy);
        }

        for (var grids = 0; filled < target; filled++, grids++)
        {
            var staff = NewWorker(random, county, community, Band.Staff, usedIds);
            var role = grids < community.GridCount ? PostRole.GridWorker : PostRole.FullTimeStaff;
            AddHistory(random, county, community, staff, role, role == PostRole.GridWorker ? PostRole.FullTimeStaff : PostRole.GridWorker, 10);
            drafts.Add(staff);
        }

        // Workers who left (art. 11: exit by dismissal or non-renewal, history kept).
        var left = random.Next(4) switch { 0 or 1 => 0, 2 => 1, _ => 2 };
        for (var i = 0; i < left; i++)
        {
            var leaver = NewWorker(random, county, community, random.Next(4) == 0 ? Band.Deputy : Band.Staff, usedIds, mustPredate: 400);
            var tenure = _asOf.DayNumber - leaver.Worker.HiredOn.DayNumber;
            var leftOn = _asOf.AddDays(-random.Next(30, Math.Max(31, Math.Min(1000, tenure - 180))));
            var role = leaver.Band == Band.Deputy ? PostRole.CommitteeMember : PostRole.FullTimeStaff;
            AddPost(county, leaver, community.Id, role, leaver.Worker.HiredOn, leftOn);
            leaver.Worker.Status = WorkerStatus.Left;
            leaver.LeftOn = leftOn;
            drafts.Add(leaver);
        }
    }

    /// <summary>
    /// The current post, sometimes preceded by an earlier one (a promotion in the same community, or a
    /// transfer from another community of the county; service years accumulate). Returns the current post's start.
    /// </summary>
    private DateOnly AddHistory(Random random, CountyInfo county, CommunityInfo community, WorkerDraft draft, PostRole role, PostRole earlierRole, int earlierPercent)
    {
        var hired = draft.Worker.HiredOn;
        var tenure = _asOf.DayNumber - hired.DayNumber;
        var start = hired;
        if (tenure > 800 && random.Next(100) < earlierPercent)
        {
            start = hired.AddDays(random.Next(365, tenure - 30));
            var transfer = county.Urban.Count > 1 && random.Next(100) < 15;
            var earlierCommunity = transfer ? county.Urban[random.Next(county.Urban.Count)] : community;
            AddPost(county, draft, earlierCommunity.Id, earlierCommunity == community ? earlierRole : PostRole.FullTimeStaff, hired, start.AddDays(-1));
        }

        AddPost(county, draft, community.Id, role, start, null);
        draft.Worker.CommunityId = community.Id;
        return start;
    }

    private void AddPost(CountyInfo county, WorkerDraft draft, int communityId, PostRole role, DateOnly start, DateOnly? end)
    {
        var category = Post.CategoryOf(role);
        draft.Posts.Add(new Post
        {
            Id = ++_postId,
            WorkerId = draft.Worker.Id,
            CommunityId = communityId,
            Role = role,
            Category = category,
            Grade = GradeAt(county.Scheme, category, draft, start),
            StartDate = start,
            EndDate = end,
        });
        draft.Worker.CommunityId = communityId;
    }

    /// <summary>Art. 4: category minimum + service steps + education and qualification bonuses, capped; some lag a grade.</summary>
    private static int GradeAt(SchemeInfo info, PostCategory category, WorkerDraft draft, DateOnly on)
    {
        var scheme = info.Scheme;
        var (min, max) = info.Range(category);
        var years = FullYears(draft.Worker.CommunityWorkStartDate, on);
        var education = draft.Worker.Education switch
        {
            EducationLevel.Bachelor => scheme.BachelorBonus,
            EducationLevel.Master => scheme.MasterBonus,
            EducationLevel.Doctor => scheme.DoctorBonus,
            _ => 0,
        };
        var qualification = draft.Worker.SocialWorkQualification switch
        {
            SocialWorkQualification.Assistant => scheme.AssistantBonus,
            SocialWorkQualification.Intermediate => scheme.IntermediateBonus,
            SocialWorkQualification.Senior => scheme.SeniorBonus,
            _ => 0,
        };
        var eligible = Math.Min(max, min + years / scheme.YearsPerStep + education + qualification);
        return Math.Max(min, eligible - draft.GradeLag);
    }

    private WorkerDraft NewWorker(Random random, CountyInfo county, CommunityInfo community, Band band, HashSet<long> usedIds, int mustPredate = 0)
    {
        var male = random.Next(100) < band switch { Band.Principal => 55, Band.Deputy => 45, _ => 35 };
        var (minAge, maxAge) = band switch { Band.Principal => (34, 58), Band.Deputy => (27, 55), _ => (22, 50) };
        var age = minAge + (random.Next(maxAge - minAge + 1) + random.Next(maxAge - minAge + 1)) / 2;
        var birth = _asOf.AddYears(-age).AddDays(-random.Next(365));
        var maxService = age - 21;
        var service = band switch
        {
            Band.Principal => Math.Min(maxService, 6 + random.Next(20)),
            Band.Deputy => Math.Min(maxService, 1 + random.Next(18)),
            _ => random.Next(Math.Min(maxService, 15) + 1),
        };
        var started = _asOf.AddDays(-(service * 365 + random.Next(365)));
        if (band == Band.Staff && mustPredate == 0 && random.Next(100) < 5)
        {
            started = _asOf.AddDays(-random.Next(10, 170)); // still on probation (art. 11)
        }

        started = DateOnly.FromDayNumber(Math.Min(Math.Max(started.DayNumber, birth.AddYears(20).DayNumber), _asOf.DayNumber - mustPredate));

        var education = (band switch { Band.Principal => PrincipalEducation, Band.Deputy => DeputyEducation, _ => StaffEducation }).Pick(random);
        var politics = band switch { Band.Principal => PoliticalStatus.CpcMember, Band.Deputy => DeputyPolitics.Pick(random), _ => StaffPolitics.Pick(random) };
        var qualification = (band == Band.Principal ? PrincipalQualification : StaffQualification).Pick(random);

        int sequence;
        long key;
        do
        {
            sequence = random.Next(500) * 2 + (male ? 1 : 0);
            key = birth.DayNumber * 1000L + sequence;
        }
        while (!usedIds.Add(key));

        var given = male ? ChineseNames.MaleGiven : ChineseNames.FemaleGiven;
        var name = ChineseNames.Surnames.Pick(random) + given[random.Next(given.Length)] + (random.Next(10) < 7 ? given[random.Next(given.Length)] : "");
        var phone = ChineseNames.PhonePrefixes[random.Next(ChineseNames.PhonePrefixes.Length)] + random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var worker = new Worker
        {
            Id = ++_workerId,
            IdNumber = IdNumber.Create(county.AddressCode, birth, sequence),
            Name = name,
            Gender = male ? Gender.Male : Gender.Female,
            BirthDate = birth,
            Phone = phone,
            Ethnicity = ChineseNames.Ethnicities.Pick(random),
            PoliticalStatus = politics,
            Education = education,
            SocialWorkQualification = qualification,
            EmploymentType = band == Band.Staff ? EmploymentType.CommunityStaff : EmploymentType.TwoCommitteesFullTime,
            Status = _asOf.DayNumber - started.DayNumber < 180 ? WorkerStatus.Probation : WorkerStatus.Active,
            CommunityWorkStartDate = started,
            HiredOn = started,
            IsReserveTalent = band == Band.Deputy ? random.Next(4) == 0
                : band == Band.Staff && politics == PoliticalStatus.CpcMember && education >= EducationLevel.Bachelor && random.Next(10) == 0,
            CommunityId = community.Id,
        };
        return new WorkerDraft(worker, band, random.Next(3) == 0 ? 1 : 0);
    }

    /// <summary>
    /// Art. 8 cycle: secretaries and directors train most years, others about every other year, so the
    /// data holds compliant, due and overdue workers.
    /// </summary>
    private void WriteTrainingRecords(Random random, CountyInfo county, WorkerDraft draft)
    {
        var principal = draft.Band == Band.Principal;
        var until = draft.LeftOn ?? _asOf;
        var picked = new List<Training>(2);
        for (var year = Math.Max(_asOf.Year - TrainingYears + 1, draft.Worker.HiredOn.Year); year <= until.Year; year++)
        {
            var chance = principal ? (year == _asOf.Year ? 70 : 90) : 45;
            if (random.Next(100) >= chance || !county.TrainingsByYear.TryGetValue(year, out var offered))
            {
                continue;
            }

            var candidates = offered.Where(t => t.EndDate <= until && t.StartDate >= draft.Worker.HiredOn).ToList();
            picked.Clear();
            var wanted = random.Next(4) == 0 ? 2 : 1;
            while (picked.Count < Math.Min(wanted, candidates.Count))
            {
                var training = candidates[random.Next(candidates.Count)];
                if (!picked.Contains(training))
                {
                    picked.Add(training);
                }
            }

            picked.Sort((a, b) => a.Id.CompareTo(b.Id));
            foreach (var training in picked)
            {
                var passed = random.Next(100) < 94;
                writer.Write(new TrainingRecord
                {
                    Id = ++_recordId,
                    WorkerId = draft.Worker.Id,
                    TrainingId = training.Id,
                    CompletedOn = training.EndDate,
                    Hours = passed ? training.Hours : Math.Round(training.Hours / 2, 1),
                    Passed = passed,
                });
            }
        }
    }

    /// <summary>
    /// Art. 10: one assessment a year per worker in the community they served at year end (the unit), with
    /// EXCELLENT capped at floor(headcount × the scheme's quota percent).
    /// </summary>
    private void WriteAssessments(Random random, CountyInfo county, List<WorkerDraft> drafts)
    {
        var quotaPercent = county.Scheme.Scheme.ExcellentQuotaPercent;
        var units = new Dictionary<int, List<WorkerDraft>>();
        for (var year = _asOf.Year - AssessmentYears; year < _asOf.Year; year++)
        {
            var yearEnd = new DateOnly(year, 12, 31);
            units.Clear();
            foreach (var draft in drafts)
            {
                if (draft.Worker.HiredOn > new DateOnly(year, 9, 30))
                {
                    continue;
                }

                foreach (var post in draft.Posts)
                {
                    if (post.StartDate <= yearEnd && (post.EndDate is null || post.EndDate >= yearEnd))
                    {
                        if (!units.TryGetValue(post.CommunityId, out var members))
                        {
                            members = [];
                            units.Add(post.CommunityId, members);
                        }

                        members.Add(draft);
                        break;
                    }
                }
            }

            foreach (var community in county.Urban)
            {
                if (!units.TryGetValue(community.Id, out var members))
                {
                    continue;
                }

                var quota = members.Count * quotaPercent / 100;
                var excellent = quota > 0 && random.Next(4) == 0 ? quota - 1 : quota;
                var order = Enumerable.Range(0, members.Count).ToArray();
                random.Shuffle(order);
                var isExcellent = new bool[members.Count];
                for (var i = 0; i < excellent; i++)
                {
                    isExcellent[order[i]] = true;
                }

                for (var i = 0; i < members.Count; i++)
                {
                    var draw = random.Next(100);
                    var result = isExcellent[i] ? AssessmentResult.Excellent
                        : draw < 85 ? AssessmentResult.Competent
                        : draw < 97 ? AssessmentResult.BasicallyCompetent
                        : AssessmentResult.Incompetent;
                    var floor = result switch
                    {
                        AssessmentResult.Excellent => 90,
                        AssessmentResult.Competent => 76,
                        AssessmentResult.BasicallyCompetent => 62,
                        _ => 45,
                    };
                    writer.Write(new Assessment
                    {
                        Id = ++_assessmentId,
                        WorkerId = members[i].Worker.Id,
                        Year = year,
                        CommunityId = community.Id,
                        Result = result,
                        PoliticalScore = Score(random, floor),
                        PerformanceScore = Score(random, floor),
                        ResidentSatisfaction = Score(random, floor),
                        AssessedOn = new DateOnly(year, 12, 15 + random.Next(17)),
                    });
                }
            }
        }
    }

    private static decimal Score(Random random, int floor) => floor + random.Next(19) * 0.5m;

    private static int FullYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return to < from.AddYears(years) ? years - 1 : years;
    }

    private enum Band { Principal, Deputy, Staff }

    private sealed class WorkerDraft(Worker worker, Band band, int gradeLag)
    {
        public Worker Worker { get; } = worker;

        public Band Band { get; } = band;

        /// <summary>Some workers sit a grade below what they are eligible for (promotion pending).</summary>
        public int GradeLag { get; } = gradeLag;

        public List<Post> Posts { get; } = [];

        public DateOnly? LeftOn { get; set; }
    }
}
