namespace WorkforceGraph.Data.Workers;

/// <summary>Sex as recorded (and as encoded in the ID number).</summary>
public enum Gender { Male, Female }

/// <summary>Political status (政治面貌).</summary>
public enum PoliticalStatus { CpcMember, CpcProbationaryMember, CylMember, DemocraticPartyMember, NonPartisan, Masses }

/// <summary>Highest completed education.</summary>
public enum EducationLevel { JuniorSecondaryOrBelow, SeniorSecondary, JuniorCollege, Bachelor, Master, Doctor }

/// <summary>Social-work qualification (社会工作者职业资格); a worker holds the highest only.</summary>
public enum SocialWorkQualification { Assistant, Intermediate, Senior }

/// <summary>Art. 1: two-committee full-time members or community full-time staff.</summary>
public enum EmploymentType { TwoCommitteesFullTime, CommunityStaff }

/// <summary>Art. 11: probation for new hires, active, left (history kept).</summary>
public enum WorkerStatus { Probation, Active, Left }
