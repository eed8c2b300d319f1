namespace WorkforceGraph.Data.Seeding;

/// <summary>Frequency-weighted name parts for people and places.</summary>
internal static class ChineseNames
{
    // The 100 most common surnames with their approximate share (per 10,000) in the 2020 census.
    public static readonly WeightedList<string> Surnames = new(
    [
        ("王", 725), ("李", 719), ("张", 683), ("刘", 538), ("陈", 453), ("杨", 308), ("黄", 223), ("赵", 229), ("吴", 205), ("周", 195),
        ("徐", 167), ("孙", 154), ("马", 144), ("朱", 128), ("胡", 116), ("郭", 114), ("何", 110), ("林", 110), ("高", 106), ("罗", 103),
        ("郑", 97), ("梁", 93), ("谢", 80), ("宋", 78), ("唐", 77), ("许", 75), ("韩", 72), ("冯", 70), ("邓", 70), ("曹", 69),
        ("彭", 67), ("曾", 66), ("肖", 63), ("田", 62), ("董", 61), ("袁", 59), ("潘", 58), ("于", 57), ("蒋", 56), ("蔡", 55),
        ("余", 54), ("杜", 53), ("叶", 52), ("程", 51), ("苏", 50), ("魏", 49), ("吕", 48), ("丁", 47), ("任", 46), ("沈", 45),
        ("姚", 44), ("卢", 43), ("姜", 42), ("崔", 41), ("钟", 40), ("谭", 39), ("陆", 38), ("汪", 37), ("范", 36), ("金", 35),
        ("石", 34), ("廖", 33), ("贾", 32), ("夏", 31), ("韦", 30), ("付", 29), ("方", 28), ("白", 27), ("邹", 26), ("孟", 25),
        ("熊", 24), ("秦", 23), ("邱", 22), ("江", 21), ("尹", 20), ("薛", 19), ("闫", 18), ("段", 17), ("雷", 16), ("侯", 15),
        ("龙", 14), ("史", 13), ("陶", 12), ("黎", 11), ("贺", 10), ("顾", 10), ("毛", 9), ("郝", 9), ("龚", 8), ("邵", 8),
        ("万", 7), ("钱", 7), ("严", 6), ("覃", 6), ("武", 6), ("戴", 5), ("莫", 5), ("孔", 5), ("向", 4), ("汤", 4),
    ]);

    public static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁",
        "建", "国", "志", "海", "文", "俊", "峰", "亮", "东", "林", "浩", "宇", "晨", "凯", "博", "鸿", "振", "德", "成", "兵",
        "永", "春", "新", "庆", "荣", "昊", "子", "睿", "天", "一",
    ];

    public static readonly string[] FemaleGiven =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "慧", "红", "梅", "雪", "琳", "洁", "倩", "颖", "莉",
        "秀", "英", "华", "兰", "萍", "晓", "佳", "欣", "怡", "雯", "璐", "瑶", "悦", "思", "梓", "雨", "诗", "涵", "琪", "月",
    ];

    public static readonly WeightedList<string> Ethnicities = new(
    [
        ("汉族", 9600), ("回族", 80), ("满族", 70), ("蒙古族", 30), ("壮族", 60), ("土家族", 40), ("苗族", 40), ("彝族", 20), ("朝鲜族", 10), ("畲族", 10),
    ]);

    // Two characters drawn from these make plausible place names (东风, 新华, 梅园…).
    public static readonly string[] PlaceFirst =
    [
        "东", "西", "南", "北", "中", "新", "安", "平", "和", "兴", "华", "阳", "青", "金", "玉", "龙", "凤", "长", "永", "宁",
        "福", "康", "乐", "明", "光", "春", "红", "白", "文", "广", "丰", "太", "清", "德", "仁", "富", "盛", "建", "民", "胜",
        "梅", "桃", "柳", "松", "竹", "荷", "翠", "锦", "云", "江",
    ];

    public static readonly string[] PlaceSecond =
    [
        "山", "湖", "江", "河", "桥", "林", "泉", "园", "苑", "城", "港", "湾", "坊", "门", "庄", "塘", "浦", "岗", "溪", "亭",
        "街", "村", "花", "丰", "安", "华", "阳", "宁", "兴", "和", "源", "州", "都", "岭", "洲", "口", "堂", "苑", "台", "关",
    ];

    /// <summary>Mobile number prefixes of the three carriers (1[3-9]x).</summary>
    public static readonly string[] PhonePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159",
        "166", "173", "175", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
    ];
}

/// <summary>A list with integer weights; picking is a binary search over cumulative weights.</summary>
internal sealed class WeightedList<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public WeightedList(IReadOnlyList<(T Item, int Weight)> entries)
    {
        _items = new T[entries.Count];
        _cumulative = new int[entries.Count];
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            _items[i] = entries[i].Item;
            total += entries[i].Weight;
            _cumulative[i] = total;
        }
    }

    public T Pick(Random random)
    {
        var draw = random.Next(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, draw + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
