using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

internal sealed partial class WorldBuilder
{
    private int _studentBlank;
    private int _studentRejected;

    /// <summary>Non-poverty persons whose only student row is not enrolled (毕业, 转出, 辍学).</summary>
    private readonly List<Enrolment> _leavers = [];

    // Share of each grade level -2 … 12 among enrolled students (not every child attends kindergarten;
    // some leave after 初中).
    private static readonly double[] LevelWeights = [0.7, 0.75, 0.8, 1, 1, 1, 1, 1, 1, 0.98, 0.98, 0.98, 0.9, 0.9, 0.88];

    private void BuildStudents()
    {
        var rng = Rng.For(_o.Seed, "students");
        _studentBlank = Count(_studentTarget, 0.0005, 2);
        _studentRejected = Count(_studentTarget, 0.0002, 1);
        int duplicates = Count(_studentTarget, 0.003, 2);
        int transfers = Count(_studentTarget, 0.003, 2);
        int otherDocuments = Count(_studentTarget, 0.0015, 3);
        const int otherDocumentDuplicates = 1;
        int leavers = Count(_studentTarget, 0.004, 2);
        int fill = _studentTarget - _studentBlank - _studentRejected - _w.Students.Count - duplicates - transfers - otherDocumentDuplicates;
        if (fill < otherDocuments + leavers + 10)
        {
            throw new InvalidOperationException("The student file is too small for the poverty register; raise the scale.");
        }

        int firstOwn = _w.Students.Count;
        for (int i = 0; i < fill; i++)
        {
            int county = PickCounty(rng);
            int level = rng.Pick(LevelWeights) - 2;
            bool vocational = level >= 10 && rng.Chance(0.4);
            var stage = Stages.OfLevel(level, vocational);
            int age = level + 5;
            if (level >= 1)
            {
                double x = rng.NextDouble();
                age += x < 0.10 ? 1 : x < 0.15 ? -1 : 0;
            }

            bool male = rng.Chance(0.52);
            int document = i < otherDocuments ? 1 + i % Documents.Types.Length : 0;
            int ethnic = document == 1 ? 0 : rng.Chance(0.003) ? Catalog.Uyghur : rng.Pick(Catalog.EthnicWeights.AsSpan(0, Catalog.Uyghur));
            int name = document == 1 ? Names.RandomLatin(rng)
                : ethnic == Catalog.Uyghur ? Names.RandomUyghur(rng, male)
                : Names.RandomHan(rng, male, child: true);
            var birth = BirthForAge(rng, age);
            int person = document == 0
                ? NewPerson(rng, _w.Counties[county], birth, male, name, ethnic)
                : _w.People.Add(_ids.Allocate(0, birth, male), name, ethnic, document);
            int school = PickSchool(rng, county, stage);
            var status = NaturalStatus(rng);
            if (i >= otherDocuments && i < otherDocuments + leavers)
            {
                status = (i % 3) switch { 0 => EnrolStatus.Graduated, 1 => EnrolStatus.TransferredOut, _ => EnrolStatus.DroppedOut };
                _leavers.Add(new Enrolment(person, county, school, stage, level));
            }

            AddStudent(person, school, level, stage, status);
        }

        int own = _w.Students.Count - firstOwn;

        // Enrolled twice (two schools both list the child as 在读), and transfers not closed at the old school.
        for (int i = 0; i < duplicates + transfers; i++)
        {
            int r;
            do
            {
                r = firstOwn + otherDocuments + leavers + rng.Next(own - otherDocuments - leavers);
            }
            while (!Stages.IsEnrolled(_w.Students[r].Status));

            var copy = _w.Students[r];
            copy.School = PickSchool(rng, _w.Schools[copy.School].County, copy.Stage, copy.School);
            copy.Status = i < duplicates ? EnrolStatus.Reading : EnrolStatus.TransferredOut;
            _w.Students.Add(copy);
        }

        // One holder of another document listed twice, the second time in lower case with a space.
        for (int i = 0; i < otherDocumentDuplicates; i++)
        {
            var copy = _w.Students[firstOwn + 1];
            copy.School = PickSchool(rng, _w.Schools[copy.School].County, copy.Stage, copy.School);
            copy.Status = EnrolStatus.Reading;
            copy.Flags = StudentFlags.DocVariant;
            _w.Students.Add(copy);
        }

        SetStudentFlags(Rng.For(_o.Seed, "student-flags"));
        SortStudents(Rng.For(_o.Seed, "student-order"));
    }

    /// <summary>Cosmetic per-row choices: empty 学段, empty 身份证件类型, an abolished or unknown school county code.</summary>
    private void SetStudentFlags(Rng rng)
    {
        var rows = _w.Students.AsSpan();
        for (int i = 0; i < rows.Length; i++)
        {
            ref var row = ref rows[i];
            byte flags = row.Flags;
            var school = _w.Schools[row.School];
            if (rng.Chance(0.03) && !(school.GradeStyle == 2 && row.Stage == Stage.Vocational))
            {
                flags |= StudentFlags.StageBlank;
            }

            if (_w.People.Document(row.Person) == 0 && rng.Chance(0.08))
            {
                flags |= StudentFlags.TypeBlank;
            }

            row.Flags = flags;
        }

        // A few rows with the school county's abolished predecessor code, a few with an unknown code.
        int abolished = Count(rows.Length, 0.001, 3);
        for (int done = 0, tries = 0; done < abolished && tries < 100_000; tries++)
        {
            ref var row = ref rows[rng.Next(rows.Length)];
            if (_w.Counties[_w.Schools[row.School].County].Predecessor is not null && (row.Flags & (StudentFlags.AbolishedCode | StudentFlags.UnknownCode)) == 0)
            {
                row.Flags |= StudentFlags.AbolishedCode;
                done++;
            }
        }

        int unknown = Count(rows.Length, 0.0005, 2);
        for (int done = 0; done < unknown;)
        {
            ref var row = ref rows[rng.Next(rows.Length)];
            if ((row.Flags & (StudentFlags.AbolishedCode | StudentFlags.UnknownCode)) == 0)
            {
                row.Flags |= StudentFlags.UnknownCode;
                done++;
            }
        }
    }

    /// <summary>File order: county, school, grade, then at random; blank and rejected rows are inserted later.</summary>
    private void SortStudents(Rng rng)
    {
        int n = _w.Students.Count;
        var keys = new long[n];
        var rows = _w.Students.Items;
        for (int i = 0; i < n; i++)
        {
            keys[i] = ((long)rows[i].School << 40) | ((long)(rows[i].Level + 3) << 32) | (uint)rng.NextU64();
        }

        Array.Sort(keys, rows, 0, n);
    }
}
