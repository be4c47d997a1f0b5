namespace Pilot.SharedKernel;

/// <summary>
/// The sizes every service holds its input to, in one place: each service's wire limits (its <c>InputLimits</c>) and
/// its domain checks read them from here, so the two can never disagree. Characters are Unicode code points after
/// NFC normalisation.
/// </summary>
public static class FieldLimits
{
    /// <summary>A request id chosen by the client (the stored answer's key).</summary>
    public const int RequestIdLength = 128;

    /// <summary>Record ids (batches, departments, organisations, branches, filings).</summary>
    public const int IdLength = RecordIds.MaxLength;

    /// <summary>Names, legal forms, member association names, contact fields, sub-types' upper bound.</summary>
    public const int NameLength = 100;

    public const int AddressLength = 200;

    /// <summary>Prose: an exception's or a rejection's reason.</summary>
    public const int ReasonLength = 2000;

    /// <summary>An occupation's sub-type (工种), free text until sub-types are shipped.</summary>
    public const int SubTypeLength = 50;

    /// <summary>A code with a fixed shape (credit code, region code, occupation code, filing number, sha256).</summary>
    public const int CodeLength = 64;

    /// <summary>A phone number or an e-mail address.</summary>
    public const int ContactFieldLength = 100;

    /// <summary>A file name shown beside an upload.</summary>
    public const int FileNameLength = 255;

    /// <summary>A page token or a stream cursor handed out in an earlier answer.</summary>
    public const int TokenLength = 512;

    /// <summary>Occupations of one department, organisation, branch or filing: the 2022 classification's level-evaluation
    /// occupations are fewer than 200, with sub-types a list stays well under this.</summary>
    public const int Occupations = 500;

    /// <summary>Contacts of an organisation (R8 reminders go to them).</summary>
    public const int Contacts = 10;

    /// <summary>Member associations (一类行业协会) of a comprehensive industry organisation.</summary>
    public const int MemberAssociations = 500;

    /// <summary>Branches named by one material package.</summary>
    public const int PackageBranches = 2000;

    /// <summary>Documents, sections or regulations declared in one package (the checklist has far fewer).</summary>
    public const int PackageDocuments = 50;

    /// <summary>Organisation ids of one recommendation: R3 wants exactly two, the wire takes a few more so R3 can say so.</summary>
    public const int RecommendedOrganisations = 10;

    /// <summary>Skill levels run 1 (一级/高级技师) … 5 (五级/初级工); each at most once.</summary>
    public const int HighestLevel = 1;

    public const int LowestLevel = 5;

    /// <summary>One chunk of an upload stream.</summary>
    public const int UploadChunkBytes = 1024 * 1024;

    /// <summary>Dates a request may name: the pilot began in 2020; a date past 2099 is a typing error.</summary>
    public static readonly DateOnly EarliestDate = new(2020, 1, 1);

    public static readonly DateOnly LatestDate = new(2099, 12, 31);
}
