//! Messages of deployment: the layered configuration, `duban init --shared`, and where the
//! database may live.

use super::Lang;

catalogue! {
    Dep, dep;
    // The configuration's layers.
    ConfigUnreadable => "无法读取配置文件 {0}：{1}", "cannot read the configuration {0}: {1}";
    ConfigThresholds => "配置文件 {0} 不能设置 {1}：本机有服务器配置文件 {2}，时限阈值（[thresholds]）由它为全办统一设定（它们决定共享数据库中保存的办理时限）；请删去个人配置中的 [thresholds]", "configuration {0} cannot set {1}: this machine has the server configuration {2}, where thresholds ([thresholds]) are set for the whole office (they shape the deadlines stored in the shared database); remove [thresholds] from the personal file";
    // Where the database lives.
    NetworkFs => "数据库 {0} 位于网络文件系统（{1}）上，拒绝打开：SQLite 在网络文件系统上的文件锁不可靠，多人同时使用会损坏数据库。请把数据库放在服务器的本地磁盘上，大家通过 SSH 登录服务器使用 duban", "refusing to open the database {0} on a network filesystem ({1}): SQLite's file locking is unreliable there and shared use would corrupt the database; keep it on the server's local disk and have everyone run duban on the server over SSH";
    OthersWriteDb => "警告：数据库 {0} 可被本机任何账号写入（权限 {1}），任何人都能改动或损坏它；请执行 chmod o-w {0}", "warning: the database {0} is writable by every account on this machine (mode {1}), so anyone can alter or damage it; run chmod o-w {0}";
    OthersWriteDir => "警告：数据库所在目录 {0} 可被本机任何账号写入（权限 {1}）：他人可以替换数据库，或预先放入伪造的 -wal、-journal 文件；请把数据库放到只有使用者能写入的目录（见 duban init --shared）", "warning: the database's directory {0} is writable by every account on this machine (mode {1}): others can replace the database or plant forged -wal or -journal files beside it; keep it in a directory only its users can write (see duban init --shared)";
    NoAccessGroup => "账号 {2} 无权访问数据库 {0}：请管理员执行 usermod -aG {1} {2} 把它加入组 {1}，重新登录后再试", "the account {2} may not reach the database {0}: have an administrator add it to the group {1} with usermod -aG {1} {2}, then log in again";
    NoAccess => "无权访问数据库 {0}：{1}", "may not reach the database {0}: {1}";
    // duban init --shared.
    GroupName => "组名“{0}”无效：以小写字母或 _ 开头，只含小写字母、数字、_ 和 -，最多 32 个字符", "invalid group name \"{0}\": start with a lower-case letter or _, then lower-case letters, digits, _ or -, at most 32 characters";
    GroupMissing => "组 {0} 不存在，只有管理员（root）能创建它；请管理员执行：groupadd --system {0}，然后再运行本命令。未做任何改动", "the group {0} does not exist and only an administrator (root) can create it; have one run: groupadd --system {0}, then run this again. Nothing was changed";
    GroupLookup => "无法查询组 {0}：{1}", "cannot look up the group {0}: {1}";
    GroupAdd => "无法创建组 {0}：{1}", "cannot create the group {0}: {1}";
    GroupCreated => "已创建系统组 {0}", "created the system group {0}";
    SharedReady => "共享数据库已就绪：{0}（目录 {1} 属组 {2}、权限 2770；数据库权限 0660）", "shared database ready: {0} (directory {1} in group {2}, mode 2770; database mode 0660)";
    SharedNext => "管理员接下来要做：", "What the administrator does next:";
    SharedStepGroup => "1. 把每位工作人员的账号加入组 {0}（重新登录后生效）：", "1. Add each staff member's account to the group {0} (it takes effect at their next login):";
    SharedStepConfig => "2. 在服务器配置文件 {0} 中写入这一行，本机所有账号就都使用这个数据库：", "2. Put this line in the server configuration {0}, so every account on this machine uses this database:";
    SharedStepRoles => "3. 为每位工作人员登记角色（viewer 只读，editor 可登记，admin 可管理）：", "3. Enrol each staff member with a role (viewer reads, editor records, admin manages):";
    Account => "<账号>", "<account>";
}
