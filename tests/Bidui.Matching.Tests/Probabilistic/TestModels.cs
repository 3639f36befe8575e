using Bidui.Matching.Probabilistic;

namespace Bidui.Matching.Tests.Probabilistic;

/// <summary>A model with the parameters the accuracy benchmark estimated (rounded), for deterministic tests.</summary>
internal static class TestModels
{
    public static LinkageModel Typical() => Build(prior: 4e-6,
        ("id_number", "exact_match", 0.95, 0.05), ("id_number", "check_character_only", 0.005, 0.0003),
        ("id_number", "one_digit", 0.026, 0.0019), ("id_number", "two_digits_swapped", 0.008, 0.0003),
        ("id_number", "birth_part_broken", 0.0005, 5e-6), ("id_number", "first_15_agree", 0.013, 0.002),
        ("id_number", "same_region_and_birth", 3e-6, 0.12), ("id_number", "different", 0.0001, 0.83),
        ("student_number", "holds_person_number", 0.95, 2.5e-6), ("student_number", "near_person_number", 0.023, 0.0002),
        ("student_number", "other_number", 0.022, 1),
        ("number_owner", "household_member", 0.99, 2e-6), ("number_owner", "other_register_person", 0.01, 1),
        ("name", "exact_match", 0.995, 2.7e-5), ("name", "order_swapped", 0.0002, 2.5e-6), ("name", "same_pinyin", 0.0013, 4.7e-5),
        ("name", "one_character", 0.0036, 0.0032), ("name", "surname_only", 1.4e-5, 0.03), ("name", "different", 7e-6, 0.97),
        ("birth_date", "exact_match", 0.99, 7.8e-5), ("birth_date", "day_month_swapped", 0.002, 3.3e-5),
        ("birth_date", "one_field_off", 0.007, 0.0063), ("birth_date", "different", 3e-5, 0.99),
        ("age_for_grade", "fits", 0.99, 0.1), ("age_for_grade", "off_by_two", 0.005, 0.054), ("age_for_grade", "not_fit", 0.005, 0.84),
        ("sex", "exact_match", 0.99, 0.5), ("sex", "different", 0.0001, 0.5),
        ("location", "same_county", 0.86, 0.11), ("location", "same_prefecture", 0.11, 0.28), ("location", "same_province", 0.03, 0.61),
        ("location", "elsewhere", 3e-5, 2.5e-6),
        ("township", "same_township", 0.8, 0.085), ("township", "other_township", 0.2, 0.91));

    /// <summary>A model from (comparison, level, m, u) by name, as the model file names them.</summary>
    public static LinkageModel Build(double prior, params (string Comparison, string Level, double M, double U)[] levels)
    {
        var m = Comparison.Definitions.Select(d => d.Levels.Select(_ => 1.0).ToArray()).ToArray();
        var u = Comparison.Definitions.Select(d => d.Levels.Select(_ => 1.0).ToArray()).ToArray();
        foreach (var (comparison, level, mp, up) in levels)
        {
            int c = Comparison.Definitions.ToList().FindIndex(d => d.Name == comparison);
            int l = Comparison.Definitions[c].Levels.ToList().FindIndex(x => x.Name == level);
            (m[c][l], u[c][l]) = (mp, up);
        }
        return new LinkageModel { M = m, U = u, Prior = prior };
    }
}
