using Pilot.SharedKernel;

namespace Pilot.Registry.Storage;

/// <summary>Every Redis key the Registry owns; all start with <c>registry:</c> and no other service reads them.</summary>
internal static class RegistryKeys
{
    public static string Batch(string id) => $"registry:batch:{id}";

    public static string Department(string id) => $"registry:department:{id}";

    public static string Organisation(string id) => $"registry:org:{id}";

    public static string Branch(string id) => $"registry:branch:{id}";

    public static string Recommendation(string batchId, string departmentId) => $"registry:recommendation:{batchId}:{departmentId}";

    /// <summary>JSON list of the recommendations naming an organisation (R5 reads it for every branch).</summary>
    public static string RecommendationsNaming(string organisationId) => $"registry:org-recommendations:{organisationId}";

    public static string Exception(UnifiedSocialCreditCode creditCode) => $"registry:exception:{creditCode.Value}";

    public static string CreditCodeHolder(UnifiedSocialCreditCode creditCode) => $"registry:credit:{creditCode.Value}";


    public const string Batches = "registry:index:batches";

    public const string Organisations = "registry:index:organisations";

    public const string Branches = "registry:index:branches";

    public static string BranchesOfRegion(string regionCode) => $"registry:index:branches:region:{regionCode}";

    public static string BranchesOfOrganisation(string organisationId) => $"registry:index:branches:org:{organisationId}";
}
