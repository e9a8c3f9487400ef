<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>input i</source>
        <translation>输入门 i</translation>
    </message>
    <message>
        <source>forget f</source>
        <translation>遗忘门 f</translation>
    </message>
    <message>
        <source>candidate g</source>
        <translation>候选 g</translation>
    </message>
    <message>
        <source>output o</source>
        <translation>输出门 o</translation>
    </message>
    <message>
        <source>reset r</source>
        <translation>重置门 r</translation>
    </message>
    <message>
        <source>update z</source>
        <translation>更新门 z</translation>
    </message>
    <message>
        <source>candidate n</source>
        <translation>候选 n</translation>
    </message>
    <message>
        <source>show this view alone, large (Esc comes back)</source>
        <translation>单独放大显示此视图（按 Esc 返回）</translation>
    </message>
    <message>
        <source>float / dock</source>
        <translation>浮动 / 停靠</translation>
    </message>
    <message>
        <source>close (View menu brings it back)</source>
        <translation>关闭（可从“视图”菜单重新打开）</translation>
    </message>
    <message>
        <source>in the state_dict: {tensors}</source>
        <translation>在 state_dict 中：{tensors}</translation>
    </message>
    <message>
        <source>in the state_dict: rows {first}:{end} ({rows}) of {tensors}</source>
        <translation>在 state_dict 中：{tensors} 的第 {first}:{end} 行（{rows}）</translation>
    </message>
    <message>
        <source>Set {name}[{k}, {j}] (its largest term now)…</source>
        <translation>设置 {name}[{k}, {j}]（当前贡献最大的项）…</translation>
    </message>
    <message>
        <source>Set {name}[{k}]…</source>
        <translation>设置 {name}[{k}]…</translation>
    </message>
    <message>
        <source>forgetting moved c by {forget}, writing added {write}</source>
        <translation>遗忘使 c 变化了 {forget}，写入增加了 {write}</translation>
    </message>
    <message>
        <source>h moved from {was} by {change}</source>
        <translation>h 从 {was} 变化了 {change}</translation>
    </message>
    <message>
        <source>{w_hr} · m_t  (projects {hidden} → {proj})</source>
        <translation>{w_hr} · m_t  （投影 {hidden} → {proj}）</translation>
    </message>
    <message>
        <source>kept z·{h_prev} = {kept}, added (1−z)·n = {added}</source>
        <translation>保留 z·{h_prev} = {kept}，加入 (1−z)·n = {added}</translation>
    </message>
    <message>
        <source>k = {k}: the largest of the {n} outputs at t; </source>
        <translation>k = {k}：t 时刻 {n} 个输出中最大的一个；</translation>
    </message>
    <message>
        <source>the probability of output {k}</source>
        <translation>输出 {k} 的概率</translation>
    </message>
    <message>
        <source>the head outputs log-probabilities (log-softmax)</source>
        <translation>输出头输出对数概率（log-softmax）</translation>
    </message>
    <message>
        <source>= {numbers} → held at {value}</source>
        <translation>= {numbers} → 固定为 {value}</translation>
    </message>
    <message>
        <source>(was {value})</source>
        <translation>（原为 {value}）</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>展开图</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Equations</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Window as &amp;PNG (quick)</source>
        <translation>窗口存为 PNG（快速）(&amp;P)</translation>
    </message>
    <message>
        <source>saves the window into the last export folder, no questions asked</source>
        <translation>直接把窗口保存到上次导出的文件夹，不再询问</translation>
    </message>
    <message>
        <source>Window as PNG…</source>
        <translation>窗口存为 PNG…</translation>
    </message>
    <message>
        <source>Window as PNG at 2×…</source>
        <translation>窗口存为 2× PNG…</translation>
    </message>
    <message>
        <source>Window as SVG / PDF…</source>
        <translation>窗口存为 SVG / PDF…</translation>
    </message>
    <message>
        <source>&amp;Figure of a view (PNG / SVG / PDF)</source>
        <translation>视图的图形（PNG / SVG / PDF）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Animation (GIF / APNG / WebP / MP4)…</source>
        <translation>动画（GIF / APNG / WebP / MP4）(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Trace as NPZ…</source>
        <translation>轨迹存为 NPZ(&amp;T)…</translation>
    </message>
    <message>
        <source>Selected cell&apos;s part as CSV</source>
        <translation>所选单元的部分存为 CSV</translation>
    </message>
    <message>
        <source>saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>export cancelled; nothing was written</source>
        <translation>导出已取消，未写入任何文件</translation>
    </message>
    <message>
        <source>Export the window</source>
        <translation>导出窗口</translation>
    </message>
    <message>
        <source>Export the window as vectors</source>
        <translation>将窗口导出为矢量图</translation>
    </message>
    <message>
        <source>Export the {panel} figure</source>
        <translation>导出“{panel}”图形</translation>
    </message>
    <message>
        <source>Export an animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Rendering {frames} frames…</source>
        <translation>正在渲染 {frames} 帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>saved {path}: {note}</source>
        <translation>已保存 {path}：{note}</translation>
    </message>
    <message>
        <source>Export the trace</source>
        <translation>导出轨迹</translation>
    </message>
    <message>
        <source>Trace (*.npz)</source>
        <translation>轨迹 (*.npz)</translation>
    </message>
    <message>
        <source>Export a part as CSV</source>
        <translation>将部分导出为 CSV</translation>
    </message>
    <message>
        <source>what L receives through h_t[{k}], all paths</source>
        <translation>L 经由 h_t[{k}] 得到的梯度（所有路径）</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖ = {norm} over all units</source>
        <translation>所有单元上 ‖∂L/∂h_t‖ = {norm}</translation>
    </message>
    <message>
        <source>∂L/∂h_{before}[{k}] = {total} in all; the rest comes from the layer above or L itself</source>
        <translation>∂L/∂h_{before}[{k}] 合计 = {total}；其余来自上一层或 L 本身</translation>
    </message>
    <message>
        <source>cell-state path: ∂c_t/∂c_{before} = f_t, no squashing and no weights</source>
        <translation>细胞状态路径：∂c_t/∂c_{before} = f_t，没有压缩，也没有权重</translation>
    </message>
    <message>
        <source>no step after t: 1</source>
        <translation>t 之后没有时间步：1</translation>
    </message>
    <message>
        <source>∏ f after t [{k}]</source>
        <translation>∏ t 之后的 f [{k}]</translation>
    </message>
    <message>
        <source>the share of c_t that reaches this direction&apos;s last step (t = {last}) along the c path alone</source>
        <translation>仅沿 c 路径，c_t 到达此方向最后一个时间步（t = {last}）的比例</translation>
    </message>
    <message>
        <source>∂L/∂h_{before}[{k}] via h_t</source>
        <translation>∂L/∂h_{before}[{k}] 经 h_t</translation>
    </message>
    <message>
        <source>own unit: {product} + {n} others</source>
        <translation>本单元：{product} + 其他 {n} 个</translation>
    </message>
    <message>
        <source>∂L/∂h_t[k]·z_t[k] + via z + via n + via r</source>
        <translation>∂L/∂h_t[k]·z_t[k] + 经 z + 经 n + 经 r</translation>
    </message>
    <message>
        <source>no free file name left in {folder}</source>
        <translation>{folder} 中没有可用的文件名了</translation>
    </message>
    <message>
        <source>Next scene</source>
        <translation>下一个场景</translation>
    </message>
    <message>
        <source>Previous scene</source>
        <translation>上一个场景</translation>
    </message>
    <message>
        <source>Add scene</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <source>Present the lesson</source>
        <translation>演示课程</translation>
    </message>
    <message>
        <source>&amp;New lesson</source>
        <translation>新建课程(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save lesson…</source>
        <translation>保存课程(&amp;S)…</translation>
    </message>
    <message>
        <source>Export lesson as &amp;PDF…</source>
        <translation>将课程导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export lesson as &amp;figures…</source>
        <translation>将课程导出为图形(&amp;F)…</translation>
    </message>
    <message>
        <source>The &amp;bundled lesson (RNN, LSTM, GRU)</source>
        <translation>自带课程（RNN、LSTM、GRU）(&amp;B)</translation>
    </message>
    <message>
        <source>scene {n} recorded: give it a caption in the Lesson panel</source>
        <translation>已记录场景 {n}：请在“课程”面板中为它写说明</translation>
    </message>
    <message>
        <source>no lesson is open: Lesson → Open lesson, or the bundled one in Help → Lesson</source>
        <translation>没有打开的课程：课程 → 打开课程，或 帮助 → 课程 中的自带课程</translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation>课程未保存</translation>
    </message>
    <message>
        <source>The lesson has scenes or captions that are not saved. Save it first?</source>
        <translation>课程中有尚未保存的场景或说明。先保存吗？</translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>rnnviz lessons and workspaces (*.rnnviz);;All files (*)</source>
        <translation>rnnviz 课程和工作区 (*.rnnviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>no lesson is open: Lesson → New lesson starts one</source>
        <translation>没有打开的课程：课程 → 新建课程 可开始一个</translation>
    </message>
    <message>
        <source>no lesson with scenes is open to export</source>
        <translation>没有打开的含场景的课程可导出</translation>
    </message>
    <message>
        <source>Export the lesson as PDF</source>
        <translation>将课程导出为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>A folder for the lesson&apos;s figures</source>
        <translation>存放课程图形的文件夹</translation>
    </message>
    <message>
        <source>exported {n} file(s): {first}</source>
        <translation>已导出 {n} 个文件：{first}</translation>
    </message>
    <message>
        <source>scene {n} could not be computed: {why}</source>
        <translation>场景 {n} 无法计算：{why}</translation>
    </message>
    <message>
        <source>the configuration was refused</source>
        <translation>配置被拒绝</translation>
    </message>
    <message>
        <source>a scene&apos;s training ran past {s} s; give it fewer steps</source>
        <translation>某个场景的训练超过了 {s} 秒；请减少它的步数</translation>
    </message>
    <message>
        <source>the lesson has no scene to export</source>
        <translation>课程中没有可导出的场景</translation>
    </message>
    <message>
        <source>could not start writing {name} (is the folder writable?)</source>
        <translation>无法开始写入 {name}（文件夹可写吗？）</translation>
    </message>
    <message>
        <source>could not finish writing {name} (is the disk full?)</source>
        <translation>无法完成写入 {name}（磁盘满了吗？）</translation>
    </message>
    <message>
        <source>could not write {name}</source>
        <translation>无法写入 {name}</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>(cannot be shown: {why})</source>
        <translation>（无法显示：{why}）</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>PageDown next scene · PageUp previous</source>
        <translation>PageDown 下一个场景 · PageUp 上一个</translation>
    </message>
    <message>
        <source>Scene {n} cannot be shown: {why}</source>
        <translation>场景 {n} 无法显示：{why}</translation>
    </message>
    <message>
        <source>this lesson has no scene to show yet: add one with Lesson → Add scene</source>
        <translation>此课程还没有可显示的场景：用 课程 → 添加场景 添加一个</translation>
    </message>
    <message>
        <source>exact up to 256 colours a frame, else each frame&apos;s best 256 (the export says how far colours moved)</source>
        <translation>每帧不超过 256 色时完全准确，否则取每帧最佳的 256 色（导出时会说明颜色偏移了多少）</translation>
    </message>
    <message>
        <source>lossless: exactly the stills&apos; colours; large files</source>
        <translation>无损：与静态图颜色完全一致；文件较大</translation>
    </message>
    <message>
        <source>lossless: exactly the stills&apos; colours; small files</source>
        <translation>无损：与静态图颜色完全一致；文件较小</translation>
    </message>
    <message>
        <source>H.264 video: smallest, plays everywhere; lossy, colours shift slightly</source>
        <translation>H.264 视频：最小，到处都能播放；有损，颜色略有偏移</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>时间步</translation>
    </message>
    <message>
        <source>frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>panel</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>backwards, for the backward pass</source>
        <translation>倒序，用于反向传播</translation>
    </message>
    <message>
        <source>forwards</source>
        <translation>正序</translation>
    </message>
    <message>
        <source>{frames} frames of {pixels}</source>
        <translation>{frames} 帧，每帧 {pixels}</translation>
    </message>
    <message>
        <source>Change an input</source>
        <translation>修改输入</translation>
    </message>
    <message>
        <source>Clamp a part</source>
        <translation>固定某个部分</translation>
    </message>
    <message>
        <source>Set a weight</source>
        <translation>设置权重</translation>
    </message>
    <message>
        <source>NAME[INDEX]=VALUE or *=FACTOR</source>
        <translation>NAME[INDEX]=VALUE 或 *=FACTOR</translation>
    </message>
    <message>
        <source>e.g. 5=0.7 (every feature), 5=0.1,0,2 (one per feature), 5=e (a character of the text), 5=cat or 5=#12 (a token)</source>
        <translation>例如 5=0.7（所有特征），5=0.1,0,2（每个特征一个值），5=e（文本中的一个字符），5=cat 或 5=#12（一个词元）</translation>
    </message>
    <message>
        <source>e.g. f=1 (every step), l0.f[3]=1@12: (from t = 12 on), z[0:4]=0@7 (t = 7 only), bwd.c[2]=0@5:9</source>
        <translation>例如 f=1（每个时间步），l0.f[3]=1@12:（从 t = 12 起），z[0:4]=0@7（仅 t = 7），bwd.c[2]=0@5:9</translation>
    </message>
    <message>
        <source>e.g. weight_hh_l0[3,5]=0, bias_ih_l0[8:16]=0, weight_hh_l0[:,2]*=0.5</source>
        <translation>例如 weight_hh_l0[3,5]=0，bias_ih_l0[8:16]=0，weight_hh_l0[:,2]*=0.5</translation>
    </message>
    <message>
        <source>type the edit: {hint}</source>
        <translation>请输入修改：{hint}</translation>
    </message>
    <message>
        <source>edits on an encoder–decoder are not supported yet; choose a single network&apos;s shape to edit it</source>
        <translation>暂不支持修改编码器–解码器；请选择单个网络的形状再修改</translation>
    </message>
    <message>
        <source>edits need the whole run in memory; this sequence is kept as checkpoints (too long): shorten it to edit it</source>
        <translation>修改需要把整个运行过程放在内存中；此序列太长，只保存了检查点：请缩短后再修改</translation>
    </message>
    <message>
        <source>What if? {edit}</source>
        <translation>假如：{edit}</translation>
    </message>
    <message>
        <source>the input at t = {step} is {value}</source>
        <translation>t = {step} 时的输入为 {value}</translation>
    </message>
    <message>
        <source>every layer</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>layer l{layer}</source>
        <translation>第 l{layer} 层</translation>
    </message>
    <message>
        <source>every unit</source>
        <translation>所有单元</translation>
    </message>
    <message>
        <source>units {units}</source>
        <translation>单元 {units}</translation>
    </message>
    <message>
        <source>unit {units}</source>
        <translation>单元 {units}</translation>
    </message>
    <message>
        <source>at every step</source>
        <translation>在每个时间步</translation>
    </message>
    <message>
        <source>from t = {start} on</source>
        <translation>从 t = {start} 起</translation>
    </message>
    <message>
        <source>at t = {start}</source>
        <translation>在 t = {start}</translation>
    </message>
    <message>
        <source>at t = {start}..{last}</source>
        <translation>在 t = {start}..{last}</translation>
    </message>
    <message>
        <source>{part} held at {value} ({where}, {units}) {steps}</source>
        <translation>{part} 固定为 {value}（{where}，{units}），{steps}</translation>
    </message>
    <message>
        <source>{name} (part of it) scaled by {value}</source>
        <translation>{name}（其中一部分）乘以 {value}</translation>
    </message>
    <message>
        <source>{name} (part of it) set to {value}</source>
        <translation>{name}（其中一部分）设为 {value}</translation>
    </message>
    <message>
        <source>{name} scaled by {value}</source>
        <translation>{name} 乘以 {value}</translation>
    </message>
    <message>
        <source>{name} set to {value}</source>
        <translation>{name} 设为 {value}</translation>
    </message>
    <message>
        <source>{edit} — switched off</source>
        <translation>{edit} —— 已关闭</translation>
    </message>
    <message>
        <source>remove this edit</source>
        <translation>删除此修改</translation>
    </message>
    <message>
        <source>no edits</source>
        <translation>没有修改</translation>
    </message>
    <message>
        <source>No edits: the run is the network&apos;s own. Add… changes an input, clamps a gate or a state, or sets a weight; a view&apos;s right-click menu does it at its step.</source>
        <translation>没有修改：运行结果就是网络本身的。“添加…”可以修改输入、固定某个门或状态，或设置权重；视图的右键菜单可在其所在时间步进行修改。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>change an input, clamp a part or set a weight</source>
        <translation>修改输入、固定某个部分或设置权重</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>the edits before the last change (Ctrl+Z)</source>
        <translation>回到上一次更改之前的修改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>the change undone, again (Ctrl+Shift+Z)</source>
        <translation>重新应用被撤销的更改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>remove every edit: the network&apos;s own run</source>
        <translation>删除所有修改：恢复网络本身的运行</translation>
    </message>
    <message>
        <source>no edits (every edit is switched off)</source>
        <translation>没有修改（所有修改都已关闭）</translation>
    </message>
    <message>
        <source>the same as the original at every step; recomputed in {ms} ms</source>
        <translation>每个时间步都与原始运行相同；重新计算用时 {ms} ms</translation>
    </message>
    <message>
        <source>differs from the original from t = {step}; recomputed in {ms} ms</source>
        <translation>从 t = {step} 起与原始运行不同；重新计算用时 {ms} ms</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>graph</source>
        <translation>展开图</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>equations</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>states</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>the default size for this panel</source>
        <translation>此面板的默认尺寸</translation>
    </message>
    <message>
        <source>pixels per logical pixel: text and lines are redrawn sharp, not stretched</source>
        <translation>每个逻辑像素对应的像素数：文字和线条会重新清晰绘制，而不是拉伸</translation>
    </message>
    <message>
        <source>scale {scale} is not a number; choose 1, 2, 3, 4 or type one such as 1.5</source>
        <translation>缩放 {scale} 不是数字；请选择 1、2、3、4，或输入一个数，例如 1.5</translation>
    </message>
    <message>
        <source>{size} pixels</source>
        <translation>{size} 像素</translation>
    </message>
    <message>
        <source>size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Export a figure</source>
        <translation>导出图形</translation>
    </message>
    <message>
        <source>vector: sharp at any zoom, no scale needed</source>
        <translation>矢量图：任意缩放都清晰，无需设置缩放</translation>
    </message>
    <message>
        <source>a PNG of {pixels}</source>
        <translation>PNG，{pixels}</translation>
    </message>
    <message>
        <source>{state} layer {layer} {arrow}</source>
        <translation>{state} 第 {layer} 层 {arrow}</translation>
    </message>
    <message>
        <source>Initial state h0 / c0</source>
        <translation>初始状态 h0 / c0</translation>
    </message>
    <message>
        <source>The same state starts every sequence of the batch. Cells beyond h&apos;s size (LSTM with proj_size) are ignored.</source>
        <translation>批中的每个序列都从同一个状态开始。超出 h 大小的格子（带 proj_size 的 LSTM）会被忽略。</translation>
    </message>
    <message>
        <source>row {row}, unit {unit}: {text} is not a number</source>
        <translation>第 {row} 行，单元 {unit}：{text} 不是数字</translation>
    </message>
    <message>
        <source>row {row}, unit {unit}: give a finite number</source>
        <translation>第 {row} 行，单元 {unit}：请输入有限的数</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>正弦</translation>
    </message>
    <message>
        <source>square</source>
        <translation>方波</translation>
    </message>
    <message>
        <source>impulse</source>
        <translation>脉冲</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>counting</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>given</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>time steps T</source>
        <translation>时间步数 T</translation>
    </message>
    <message>
        <source>cycles per time step (sine, square)</source>
        <translation>每个时间步的周期数（正弦、方波）</translation>
    </message>
    <message>
        <source>type here: each character is one step</source>
        <translation>在此输入：每个字符是一个时间步</translation>
    </message>
    <message>
        <source>the one-hot alphabet, in order (character k = feature k)</source>
        <translation>one-hot 字母表，按顺序（第 k 个字符 = 第 k 个特征）</translation>
    </message>
    <message>
        <source>sequences in the batch (presets); the views show one</source>
        <translation>批中的序列数（预设）；视图显示其中一个</translation>
    </message>
    <message>
        <source>which sequence of the batch the views show</source>
        <translation>视图显示批中的哪一个序列</translation>
    </message>
    <message>
        <source>initial h0 (and c0): zeros, as torch.nn&apos;s default, or random</source>
        <translation>初始 h0（和 c0）：全零（torch.nn 的默认值）或随机</translation>
    </message>
    <message>
        <source>Edit h0 / c0…</source>
        <translation>编辑 h0 / c0…</translation>
    </message>
    <message>
        <source>type the initial state by hand (sets &apos;given&apos;)</source>
        <translation>手动输入初始状态（设为“指定”）</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Open data…</source>
        <translation>打开数据…</translation>
    </message>
    <message>
        <source>Use preset</source>
        <translation>使用预设</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>amplitude</source>
        <translation>振幅</translation>
    </message>
    <message>
        <source>frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批</translation>
    </message>
    <message>
        <source>show sequence</source>
        <translation>显示序列</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>initial state</source>
        <translation>初始状态</translation>
    </message>
    <message>
        <source>state seed</source>
        <translation>状态随机种子</translation>
    </message>
    <message>
        <source>the model reads one-hot over {n} characters: {symbols}</source>
        <translation>模型读取 {n} 个字符上的 one-hot 编码：{symbols}</translation>
    </message>
    <message>
        <source>one-hot over {n} characters: {symbols}</source>
        <translation>{n} 个字符上的 one-hot 编码：{symbols}</translation>
    </message>
    <message>
        <source>No lesson yet. Lesson → New lesson starts one from the window as it is; Add scene records what the window shows now (network, input, step, selection and stage views) as the next scene.</source>
        <translation>还没有课程。课程 → 新建课程会以窗口当前的样子开始一个课程；添加场景会把窗口现在显示的内容（网络、输入、时间步、选择和舞台视图）记录为下一个场景。</translation>
    </message>
    <message>
        <source>Captions in</source>
        <translation>说明语言</translation>
    </message>
    <message>
        <source>the language of the captions edited here and shown on the stage</source>
        <translation>在此编辑并在舞台上显示的说明所用的语言</translation>
    </message>
    <message>
        <source>record what the window shows now as the next scene (Ctrl+M)</source>
        <translation>把窗口当前显示的内容记录为下一个场景（Ctrl+M）</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>this scene shows what the window shows now; its caption stays</source>
        <translation>此场景改为显示窗口当前的内容；说明保持不变</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>remove this scene</source>
        <translation>删除此场景</translation>
    </message>
    <message>
        <source>move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Present from here</source>
        <translation>从这里开始演示</translation>
    </message>
    <message>
        <source>the lesson on the stage from this scene (PageDown / PageUp go on, Esc leaves)</source>
        <translation>从此场景开始在舞台上演示课程（PageDown / PageUp 翻页，Esc 退出）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Caption (Markdown; math between $…$)</source>
        <translation>说明（Markdown；公式写在 $…$ 之间）</translation>
    </message>
    <message>
        <source>e.g. The forget gate $f_t$ keeps the memory: $c_t = f_t \odot c_{t-1} + i_t \odot g_t$</source>
        <translation>例如：遗忘门 $f_t$ 保留记忆：$c_t = f_t \odot c_{t-1} + i_t \odot g_t$</translation>
    </message>
    <message>
        <source>Play steps</source>
        <translation>播放时间步</translation>
    </message>
    <message>
        <source>when the scene is shown, play these steps once</source>
        <translation>显示此场景时，把这些时间步播放一遍</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>cell kind; for a loaded RNN this also says its nonlinearity, which a state_dict does not store</source>
        <translation>单元类型；对于加载的 RNN，这里还指定其非线性函数（state_dict 中不保存它）</translation>
    </message>
    <message>
        <source>features per step; auto: from the input</source>
        <translation>每个时间步的特征数；自动：由输入决定</translation>
    </message>
    <message>
        <source>units per layer and direction (hidden_size)</source>
        <translation>每层每个方向的单元数（hidden_size）</translation>
    </message>
    <message>
        <source>stacked layers (num_layers)</source>
        <translation>堆叠的层数（num_layers）</translation>
    </message>
    <message>
        <source>bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>LSTM projection size (0 = none)</source>
        <translation>LSTM 投影大小（0 = 无）</translation>
    </message>
    <message>
        <source>between layers while training; off while stepping (eval)</source>
        <translation>训练时作用于层与层之间；单步运行时关闭（eval）</translation>
    </message>
    <message>
        <source>output layer y = W_ho h + b_ho and its activation</source>
        <translation>输出层 y = W_ho h + b_ho 及其激活函数</translation>
    </message>
    <message>
        <source>outputs of the head; auto: the input size</source>
        <translation>输出头的输出数；自动：等于输入大小</translation>
    </message>
    <message>
        <source>seed of the random weights (torch&apos;s own init)</source>
        <translation>随机权重的随机种子（torch 自己的初始化）</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>随机权重</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>Use random weights</source>
        <translation>使用随机权重</translation>
    </message>
    <message>
        <source>which Linear is the output head, when several could be</source>
        <translation>有多个 Linear 可作输出头时，使用哪一个</translation>
    </message>
    <message>
        <source>which recurrent layer, when the file holds several (e.g. encoder.rnn)</source>
        <translation>文件中有多个循环层时，使用哪一个（例如 encoder.rnn）</translation>
    </message>
    <message>
        <source>every parameter under torch.nn&apos;s own name, with its shape</source>
        <translation>每个参数及其形状，使用 torch.nn 自己的名称</translation>
    </message>
    <message>
        <source>input size</source>
        <translation>输入大小</translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation>隐藏大小</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>output head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <source>head outputs</source>
        <translation>输出头的输出数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>layer prefix</source>
        <translation>层前缀</translation>
    </message>
    <message>
        <source>head prefix</source>
        <translation>输出头前缀</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>using {device}</source>
        <translation>正在使用 {device}</translation>
    </message>
    <message>
        <source>random (torch init, seed {seed})</source>
        <translation>随机（torch 初始化，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>tokens (a model with an Embedding)</source>
        <translation>词元（带 Embedding 的模型）</translation>
    </message>
    <message>
        <source>the cat sat on the mat</source>
        <translation>输入要切分成词元的文本</translation>
    </message>
    <message>
        <source>text split into the vocabulary&apos;s tokens (words, or characters when every token is one character)</source>
        <translation>按词表切分成词元的文本（单词；若每个词元都是一个字符，则为字符）</translation>
    </message>
    <message>
        <source>or ids: 12, 7, 99</source>
        <translation>或 id：12, 7, 99</translation>
    </message>
    <message>
        <source>token ids, fed through the Embedding as they are</source>
        <translation>词元 id，原样送入 Embedding</translation>
    </message>
    <message>
        <source>no vocabulary file</source>
        <translation>没有词表文件</translation>
    </message>
    <message>
        <source>Vocabulary…</source>
        <translation>词表…</translation>
    </message>
    <message>
        <source>one token per line, a JSON list, or a JSON object token → id</source>
        <translation>每行一个词元、JSON 列表，或 词元 → id 的 JSON 对象</translation>
    </message>
    <message>
        <source>unknown words: refused</source>
        <translation>未知词：拒绝</translation>
    </message>
    <message>
        <source>the vocabulary&apos;s token that unknown words become, e.g. &lt;unk&gt;</source>
        <translation>未知词被替换成的词表词元，例如 &lt;unk&gt;</translation>
    </message>
    <message>
        <source>Replace at t</source>
        <translation>在 t 处替换</translation>
    </message>
    <message>
        <source>put this token at the current step and recompute</source>
        <translation>把此词元放到当前时间步并重新计算</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>id</translation>
    </message>
    <message>
        <source>unknown →</source>
        <translation>未知词 →</translation>
    </message>
    <message>
        <source>at t</source>
        <translation>在 t 处</translation>
    </message>
    <message>
        <source>The Embedding&apos;s vocabulary</source>
        <translation>Embedding 的词表</translation>
    </message>
    <message>
        <source>Vocabulary (*.txt *.json *.vocab);;All (*)</source>
        <translation>词表 (*.txt *.json *.vocab);;所有文件 (*)</translation>
    </message>
    <message>
        <source>N→N (every step)</source>
        <translation>N→N（每个时间步）</translation>
    </message>
    <message>
        <source>N→1 (last step)</source>
        <translation>N→1（最后一个时间步）</translation>
    </message>
    <message>
        <source>1→N (one input)</source>
        <translation>1→N（一个输入）</translation>
    </message>
    <message>
        <source>N→M seq2seq</source>
        <translation>N→M 序列到序列</translation>
    </message>
    <message>
        <source>first step only</source>
        <translation>仅第一个时间步</translation>
    </message>
    <message>
        <source>every step</source>
        <translation>每个时间步</translation>
    </message>
    <message>
        <source>decoder&apos;s h0</source>
        <translation>解码器的 h0</translation>
    </message>
    <message>
        <source>input each step</source>
        <translation>每个时间步的输入</translation>
    </message>
    <message>
        <source>as encoder</source>
        <translation>与编码器相同</translation>
    </message>
    <message>
        <source>sequence shape</source>
        <translation>序列形状</translation>
    </message>
    <message>
        <source>which inputs and outputs exist, as the seed articles classify RNNs: N→N (a label per step), N→1 (one label at the end), 1→N (one input), N→M (an encoder, a context c, a decoder)</source>
        <translation>有哪些输入和输出，按入门文章对 RNN 的分类：N→N（每个时间步一个标签）、N→1（最后一个标签）、1→N（一个输入）、N→M（编码器、上下文 c、解码器）</translation>
    </message>
    <message>
        <source>1→N: the one input (the input&apos;s first step) is fed at the first step only (zeros after) or repeated at every step</source>
        <translation>1→N：那一个输入（输入的第一个时间步）只在第一个时间步送入（之后为零），或在每个时间步重复送入</translation>
    </message>
    <message>
        <source>how many outputs 1→N makes / symbols the decoder writes (auto: the input&apos;s length)</source>
        <translation>1→N 产生的输出数 / 解码器写出的符号数（自动：输入的长度）</translation>
    </message>
    <message>
        <source>decoder units (auto: the encoder&apos;s hidden size)</source>
        <translation>解码器单元数（自动：编码器的隐藏大小）</translation>
    </message>
    <message>
        <source>the context c (the encoder&apos;s final state) starts the decoder, or is fed to it at every step next to the previous symbol</source>
        <translation>上下文 c（编码器的最终状态）作为解码器的初始状态，或在每个时间步与上一个符号一起送入解码器</translation>
    </message>
    <message>
        <source>Linear map on c</source>
        <translation>对 c 做 Linear 映射</translation>
    </message>
    <message>
        <source>a Linear from the encoder&apos;s final state to the decoder&apos;s size (needed when the sizes differ)</source>
        <translation>从编码器最终状态到解码器大小的 Linear（大小不同时需要）</translation>
    </message>
    <message>
        <source>the input text&apos;s symbols</source>
        <translation>输入文本的符号</translation>
    </message>
    <message>
        <source>the symbols the decoder writes, in order</source>
        <translation>解码器写出的符号，按顺序</translation>
    </message>
    <message>
        <source>words file…</source>
        <translation>词文件…</translation>
    </message>
    <message>
        <source>a decoder with an nn.Embedding: the words it writes, in id order (one per line, or a JSON list or word→id mapping)</source>
        <translation>带 nn.Embedding 的解码器：它写出的词，按 id 顺序（每行一个，或 JSON 列表，或 词→id 映射）</translation>
    </message>
    <message>
        <source>SOS, or id 0</source>
        <translation>SOS，或 id 0</translation>
    </message>
    <message>
        <source>a decoder with an nn.Embedding: the symbol fed at its first step, as an id or a word</source>
        <translation>带 nn.Embedding 的解码器：第一个时间步送入的符号，可以是 id 或词</translation>
    </message>
    <message>
        <source>ReLU on the word&apos;s embedding</source>
        <translation>对词嵌入做 ReLU</translation>
    </message>
    <message>
        <source>a decoder with an nn.Embedding reads relu(embedding(previous)), as the PyTorch translation tutorial&apos;s DecoderRNN does; a state_dict cannot say so</source>
        <translation>带 nn.Embedding 的解码器读取 relu(embedding(previous))，与 PyTorch 翻译教程中的 DecoderRNN 相同；state_dict 无法说明这一点</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>input fed</source>
        <translation>输入方式</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>decoder cell</source>
        <translation>解码器单元</translation>
    </message>
    <message>
        <source>decoder size</source>
        <translation>解码器大小</translation>
    </message>
    <message>
        <source>context c</source>
        <translation>上下文 c</translation>
    </message>
    <message>
        <source>no output head: the top layer&apos;s output {name}</source>
        <translation>没有输出层：最上层的输出 {name}</translation>
    </message>
    <message>
        <source>p_t = softmax(y_t), the probabilities</source>
        <translation>p_t = softmax(y_t)，概率</translation>
    </message>
    <message>
        <source>log p_t = log_softmax(y_t), the log-probabilities</source>
        <translation>log p_t = log_softmax(y_t)，对数概率</translation>
    </message>
    <message>
        <source>y_t = W_ho h_t + b_ho (no activation)</source>
        <translation>y_t = W_ho h_t + b_ho（无激活函数）</translation>
    </message>
    <message>
        <source>symbol written</source>
        <translation>写出的符号</translation>
    </message>
    <message>
        <source>next token</source>
        <translation>下一个词元</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>next character</source>
        <translation>下一个字符</translation>
    </message>
    <message>
        <source>output unit</source>
        <translation>输出单元</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>&lt;b&gt;{where}&lt;/b&gt; — the encoder has no output; its final state becomes the context c the decoder starts from</source>
        <translation>&lt;b&gt;{where}&lt;/b&gt; — 编码器没有输出；它最后的状态成为解码器起步时的上下文 c</translation>
    </message>
    <message>
        <source>&lt;b&gt;output at {where}&lt;/b&gt; — none at this step: N→1 has one output, at the last step (t = {last})</source>
        <translation>&lt;b&gt;{where} 的输出&lt;/b&gt; — 这一步没有：N→1 只有一个输出，在最后一步（t = {last}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;output at {where}&lt;/b&gt; — {what}</source>
        <translation>&lt;b&gt;{where} 的输出&lt;/b&gt; — {what}</translation>
    </message>
    <message>
        <source> (dashed outline: the original run)</source>
        <translation>（虚线框：原始运行）</translation>
    </message>
    <message>
        <source>output {n}</source>
        <translation>输出 {n}</translation>
    </message>
    <message>
        <source>original run: {name} {p}</source>
        <translation>原始运行：{name} {p}</translation>
    </message>
    <message>
        <source>writes</source>
        <translation>写出</translation>
    </message>
    <message>
        <source>most likely</source>
        <translation>最可能</translation>
    </message>
    <message>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>starts from</source>
        <translation>起始符号</translation>
    </message>
    <message>
        <source>The decoder&apos;s words</source>
        <translation>解码器的词</translation>
    </message>
    <message>
        <source>Vocabulary (*.txt *.json);;All files (*)</source>
        <translation>词表 (*.txt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>decoder steps</source>
        <translation>解码器时间步</translation>
    </message>
    <message>
        <source>chars</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>adding</source>
        <translation>加法</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>reverse</source>
        <translation>倒序</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>predict the next value of a sum of two sines</source>
        <translation>预测两个正弦之和的下一个值</translation>
    </message>
    <message>
        <source>validation MSE &lt; 0.002</source>
        <translation>验证 MSE &lt; 0.002</translation>
    </message>
    <message>
        <source>predict the next character of a short text</source>
        <translation>预测一段短文本的下一个字符</translation>
    </message>
    <message>
        <source>validation accuracy &gt; 0.5 (chance: 1 / vocabulary)</source>
        <translation>验证准确率 &gt; 0.5（随机猜：1 / 词表大小）</translation>
    </message>
    <message>
        <source>add the two marked numbers of a 40-step sequence</source>
        <translation>把 40 步序列中两个标记的数相加</translation>
    </message>
    <message>
        <source>LSTM validation MSE &lt; 0.02; a plain RNN stays far above (always guessing 1 gives ≈ 0.167)</source>
        <translation>LSTM 验证 MSE &lt; 0.02；普通 RNN 远高于此（总是猜 1 约为 0.167）</translation>
    </message>
    <message>
        <source>is the sum of a noisy sequence positive?</source>
        <translation>带噪声序列的和是否为正？</translation>
    </message>
    <message>
        <source>validation accuracy &gt; 0.9</source>
        <translation>验证准确率 &gt; 0.9</translation>
    </message>
    <message>
        <source>read 5 symbols of &apos;abcdefgh&apos;, then write them backwards</source>
        <translation>读入 &apos;abcdefgh&apos; 中的 5 个符号，再倒序写出</translation>
    </message>
    <message>
        <source>greedy sequence accuracy ≥ 0.95 (chance: 8⁻⁵)</source>
        <translation>贪心解码序列准确率 ≥ 0.95（随机猜：8⁻⁵）</translation>
    </message>
    <message>
        <source>read 5 symbols of &apos;abcdefgh&apos;, then write them again, in order</source>
        <translation>读入 &apos;abcdefgh&apos; 中的 5 个符号，再按顺序写出</translation>
    </message>
    <message>
        <source>N→M encoder–decoder</source>
        <translation>N→M 编码器–解码器</translation>
    </message>
    <message>
        <source>optimizer steps (a fresh batch each)</source>
        <translation>优化步数（每步一个新的批）</translation>
    </message>
    <message>
        <source>sequences per step</source>
        <translation>每步的序列数</translation>
    </message>
    <message>
        <source>max gradient norm (0: no clipping)</source>
        <translation>最大梯度范数（0：不裁剪）</translation>
    </message>
    <message>
        <source>seed of the weights and the data</source>
        <translation>权重和数据的随机种子</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Show current weights</source>
        <translation>显示当前权重</translation>
    </message>
    <message>
        <source>Save checkpoint…</source>
        <translation>保存模型文件…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>clip gradients</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>在最后</translation>
    </message>
    <message>
        <source>an encoder, then a decoder writing symbols</source>
        <translation>先编码器，再由解码器写出符号</translation>
    </message>
    <message>
        <source>{task}; {inputs} in, {outputs} out ({topology}: {shape}). Goal: {goal}.</source>
        <translation>{task}；{inputs} 个输入，{outputs} 个输出（{topology}：{shape}）。目标：{goal}。</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>stopped: the lesson went on to another scene</source>
        <translation>已停止：课程已转到另一个场景</translation>
    </message>
    <message>
        <source>, validation {metric}</source>
        <translation>，验证 {metric}</translation>
    </message>
    <message>
        <source>step {step}/{steps}, loss {loss}{metric}, ETA {eta} s</source>
        <translation>第 {step}/{steps} 步，损失 {loss}{metric}，预计还需 {eta} 秒</translation>
    </message>
    <message>
        <source>done in {seconds} s</source>
        <translation>完成，用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>{done}; validation {metric} — showing the trained network</source>
        <translation>{done}；验证 {metric} —— 显示训练好的网络</translation>
    </message>
    <message>
        <source>the trained weights are not kept after exit: {error}</source>
        <translation>训练得到的权重在退出后不会保留：{error}</translation>
    </message>
    <message>
        <source>could not write the trained weights: {error}</source>
        <translation>无法写入训练得到的权重：{error}</translation>
    </message>
    <message>
        <source>Save the trained checkpoint</source>
        <translation>保存训练好的模型文件</translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pt)</source>
        <translation>PyTorch state_dict (*.pt)</translation>
    </message>
    <message>
        <source>could not save the checkpoint: {error}</source>
        <translation>无法保存模型文件：{error}</translation>
    </message>
    <message>
        <source>the original (no edits)</source>
        <translation>原始运行（无修改）</translation>
    </message>
    <message>
        <source>its untrained start</source>
        <translation>它未训练时的初始状态</translation>
    </message>
    <message>
        <source>nothing is edited: add an edit (Edits panel, or right-click a node, a gate or a weight) to see it against the original</source>
        <translation>没有任何修改：先添加一个修改（“修改”面板，或右键单击节点、门或权重），再与原始运行对比</translation>
    </message>
    <message>
        <source>a checkpoint&apos;s cell is its own: compare it with its untrained start, or open random weights to compare cell kinds</source>
        <translation>模型文件的单元类型是固定的：请与它未训练时的初始状态对比，或打开随机权重来比较不同单元类型</translation>
    </message>
    <message>
        <source>an untrained start needs a checkpoint trained by rnnviz: its .rnnviz.json records the seed training started from</source>
        <translation>未训练的初始状态需要由 rnnviz 训练的模型文件：它的 .rnnviz.json 记录了训练开始时的随机种子</translation>
    </message>
    <message>
        <source>rnnviz — side by side</source>
        <translation>rnnviz —— 并排对比</translation>
    </message>
    <message>
        <source>what to show beside the run in the window</source>
        <translation>在窗口中的运行旁边显示什么</translation>
    </message>
    <message>
        <source>beside it:</source>
        <translation>旁边显示：</translation>
    </message>
    <message>
        <source>the edited run</source>
        <translation>修改后的运行</translation>
    </message>
    <message>
        <source>in the window</source>
        <translation>窗口中的运行</translation>
    </message>
    <message>
        <source>training {network} on {device}…</source>
        <translation>正在 {device} 上训练 {network}…</translation>
    </message>
    <message>
        <source>training failed: {kind}: {error}</source>
        <translation>训练失败：{kind}：{error}</translation>
    </message>
    <message>
        <source>trained in the window: {task}, {network}, step {step}</source>
        <translation>在窗口中训练：{task}，{network}，第 {step} 步</translation>
    </message>
    <message>
        <source>, {steps} steps</source>
        <translation>，{steps} 个时间步</translation>
    </message>
    <message>
        <source>example of the &apos;{task}&apos; task{steps}</source>
        <translation>“{task}”任务的示例{steps}</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <source>|◀ Reset</source>
        <translation>|◀ 重置</translation>
    </message>
    <message>
        <source>back to t = 0</source>
        <translation>回到 t = 0</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>one step back</source>
        <translation>后退一个时间步</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <source>one step forward</source>
        <translation>前进一个时间步</translation>
    </message>
    <message>
        <source>End ▶|</source>
        <translation>末尾 ▶|</translation>
    </message>
    <message>
        <source>jump to the last step</source>
        <translation>跳到最后一个时间步</translation>
    </message>
    <message>
        <source>backward (T → 0)</source>
        <translation>反向（T → 0）</translation>
    </message>
    <message>
        <source>step the backward pass: Step goes from the last step toward t = 0, as the gradient travels</source>
        <translation>按反向传播单步：“单步”从最后一个时间步走向 t = 0，与梯度传播方向一致</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>play speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>timeline: drag to any step</source>
        <translation>时间轴：拖动到任意时间步</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>timeline: drag to any step; red mark: the edited run differs from the original from t = {step}</source>
        <translation>时间轴：拖动到任意时间步；红色标记：修改后的运行从 t = {step} 起与原始运行不同</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; is not a unit or range (e.g. 0, 3, 5-7)</source>
        <translation>“{token}”不是单元或范围（例如 0, 3, 5-7）</translation>
    </message>
    <message>
        <source>units go from 0 to {last}</source>
        <translation>单元编号从 0 到 {last}</translation>
    </message>
    <message>
        <source>showing the first {n} units</source>
        <translation>只显示前 {n} 个单元</translation>
    </message>
    <message>
        <source>model file {path} does not exist; open another one</source>
        <translation>模型文件 {path} 不存在；请打开另一个</translation>
    </message>
    <message>
        <source>data file {path} does not exist; open another one</source>
        <translation>数据文件 {path} 不存在；请打开另一个</translation>
    </message>
    <message>
        <source>type some text: each character is one step</source>
        <translation>请输入一些文本：每个字符是一个时间步</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>computing a long trace… {done} (the steps shown stay live; any change starts over)</source>
        <translation>正在计算长轨迹… {done}（已显示的时间步仍可操作；任何改动都会重新开始）</translation>
    </message>
    <message>
        <source>Open a model (state_dict)</source>
        <translation>打开模型（state_dict）</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pt *.pth *.bin *.ckpt *.safetensors);;All files (*)</source>
        <translation>PyTorch 权重 (*.pt *.pth *.bin *.ckpt *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open input data</source>
        <translation>打开输入数据</translation>
    </message>
    <message>
        <source>Sequences (*.csv *.tsv *.txt *.npy);;All (*)</source>
        <translation>序列 (*.csv *.tsv *.txt *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>device: {device}</source>
        <translation>设备：{device}</translation>
    </message>
    <message>
        <source>{title}: extended {n} steps in {ms} ms</source>
        <translation>{title}：扩展了 {n} 个时间步，用时 {ms} ms</translation>
    </message>
    <message>
        <source>{title}: computed {n} steps in {ms} ms</source>
        <translation>{title}：计算了 {n} 个时间步，用时 {ms} ms</translation>
    </message>
    <message>
        <source>its training in this window</source>
        <translation>它在此窗口中的训练</translation>
    </message>
    <message>
        <source>update {ms} ms</source>
        <translation>更新 {ms} ms</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>sum of h_T</source>
        <translation>h_T 之和</translation>
    </message>
    <message>
        <source>unit of h_T</source>
        <translation>h_T 的一个单元</translation>
    </message>
    <message>
        <source>head output y_T</source>
        <translation>输出层输出 y_T</translation>
    </message>
    <message>
        <source>task loss</source>
        <translation>任务损失</translation>
    </message>
    <message>
        <source>L whose gradient is shown: the top layer&apos;s final hidden state, one unit of it, one head output at the last step, or a trained checkpoint&apos;s task loss</source>
        <translation>显示其梯度的 L：最上层最后的隐藏状态、它的一个单元、最后一步的一个输出层输出，或训练好的模型文件的任务损失</translation>
    </message>
    <message>
        <source>index </source>
        <translation>索引 </translation>
    </message>
    <message>
        <source>compare: rnn,gru</source>
        <translation>对比：rnn,gru</translation>
    </message>
    <message>
        <source>overlay the same objective for other cells of the same size and seed on the same input (their top layer, dashed)</source>
        <translation>在同一输入上叠加相同大小和种子的其他单元的同一目标（它们的最上层，虚线）</translation>
    </message>
    <message>
        <source>colour the graph by |∂L/∂h|</source>
        <translation>按 |∂L/∂h| 给展开图着色</translation>
    </message>
    <message>
        <source>choose an objective</source>
        <translation>选择一个目标</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>this: {title}</source>
        <translation>本网络：{title}</translation>
    </message>
    <message>
        <source> — {n} entries are NaN/inf (magenta in the graph)</source>
        <translation> — {n} 个元素是 NaN/inf（图中品红色）</translation>
    </message>
    <message>
        <source>unrolled network — colour: Δ = edited − original (right-click: values)</source>
        <translation>展开的网络 — 颜色：Δ = 编辑后 − 原始（右键：数值）</translation>
    </message>
    <message>
        <source>unrolled network</source>
        <translation>展开的网络</translation>
    </message>
    <message>
        <source>edits reach here</source>
        <translation>编辑从这里起作用</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>‖∂L/∂c‖ (context)</source>
        <translation>‖∂L/∂c‖（上下文）</translation>
    </message>
    <message>
        <source>The previous network and input are still shown.</source>
        <translation>仍显示之前的网络和输入。</translation>
    </message>
    <message>
        <source>unrolled graph</source>
        <translation>展开图</translation>
    </message>
    <message>
        <source>training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>{t} of {n}</source>
        <translation>{t} / {n}</translation>
    </message>
    <message>
        <source>x  input</source>
        <translation>x  输入</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <source>y  output</source>
        <translation>y  输出</translation>
    </message>
    <message>
        <source>unit {n}</source>
        <translation>单元 {n}</translation>
    </message>
    <message>
        <source>→ / ← step · Space play · V / Shift+V next / previous view · D graph + cell · L side by side / stacked · 1–7 a view · Esc leave</source>
        <translation>→ / ← 单步 · Space 播放 · V / Shift+V 下一个 / 上一个视图 · D 展开图 + 单元 · L 并排 / 上下排列 · 1–7 某个视图 · Esc 退出</translation>
    </message>
    <message>
        <source>PageDown / PageUp next / previous scene · → / ← step · Space play · Esc leave</source>
        <translation>PageDown / PageUp 下一个 / 上一个场景 · → / ← 单步 · Space 播放 · Esc 退出</translation>
    </message>
    <message>
        <source>Next view</source>
        <translation>下一个视图</translation>
    </message>
    <message>
        <source>Previous view</source>
        <translation>上一个视图</translation>
    </message>
    <message>
        <source>Graph + cell</source>
        <translation>展开图 + 单元</translation>
    </message>
    <message>
        <source>Side by side / stacked</source>
        <translation>并排 / 上下排列</translation>
    </message>
    <message>
        <source>Leave the stage</source>
        <translation>离开舞台</translation>
    </message>
    <message>
        <source>Show {view}</source>
        <translation>显示{view}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Open &amp;data…</source>
        <translation>打开数据(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Demo (LSTM on a sine)</source>
        <translation>演示（正弦上的 LSTM）(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>Trained reverser: GRU encoder–decoder (reverse.pt)</source>
        <translation>训练好的倒序器：GRU 编码器–解码器（reverse.pt）</translation>
    </message>
    <message>
        <source>Demo: LSTM on a sine</source>
        <translation>演示：正弦上的 LSTM</translation>
    </message>
    <message>
        <source>&amp;Bundled models folder…</source>
        <translation>自带模型文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>Open &amp;workspace…</source>
        <translation>打开工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>Save wor&amp;kspace…</source>
        <translation>保存工作区(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Stage (views on the whole screen)</source>
        <translation>舞台（视图占满全屏）(&amp;S)</translation>
    </message>
    <message>
        <source>Side &amp;by side…</source>
        <translation>并排对比(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>键盘(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Lesson: RNN, LSTM and GRU, step by step</source>
        <translation>课程：逐步了解 RNN、LSTM 和 GRU(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About rnnviz</source>
        <translation>关于 rnnviz(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>rnnviz will speak {language} from its next start (or start it with --lang {key}).</source>
        <translation>rnnviz 将从下次启动起使用{language}（也可以用 --lang {key} 启动）。</translation>
    </message>
    <message>
        <source>Change an &amp;input…</source>
        <translation>修改输入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Clamp a part…</source>
        <translation>固定某个部分(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Set a weight…</source>
        <translation>设置权重(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Undo edit</source>
        <translation>撤销修改(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo edit</source>
        <translation>重做修改(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lear edits</source>
        <translation>清除修改(&amp;L)</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>rnnviz workspaces (*.rnnviz);;All (*)</source>
        <translation>rnnviz 工作区 (*.rnnviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>rnnviz workspaces (*.rnnviz)</source>
        <translation>rnnviz 工作区 (*.rnnviz)</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>→ step forward
← step back
Space play / pause
Home back to t = 0
End last step
F5 stage (views on the whole screen)
Ctrl+O open model
Ctrl+D open data
Ctrl+N demo
Ctrl+Z / Ctrl+Shift+Z undo / redo an edit (What if?)
Ctrl+B side by side
Ctrl+Shift+O / Ctrl+Shift+S open / save a workspace
Ctrl+M add a scene to the lesson
Shift+F5 present the lesson
PageDown / PageUp next / previous scene

On the stage: {keys}</source>
        <translation>→ 前进一个时间步
← 后退一个时间步
Space 播放 / 暂停
Home 回到 t = 0
End 最后一个时间步
F5 舞台（视图占满全屏）
Ctrl+O 打开模型
Ctrl+D 打开数据
Ctrl+N 演示
Ctrl+Z / Ctrl+Shift+Z 撤销 / 重做修改（假如）
Ctrl+B 并排对比
Ctrl+Shift+O / Ctrl+Shift+S 打开 / 保存工作区
Ctrl+M 向课程添加场景
Shift+F5 演示课程
PageDown / PageUp 下一个 / 上一个场景

在舞台上：{keys}</translation>
    </message>
    <message>
        <source>About rnnviz</source>
        <translation>关于 rnnviz</translation>
    </message>
    <message>
        <source>rnnviz {version}: step RNN, LSTM and GRU cells through a sequence and see every gate, computed as torch.nn computes it.</source>
        <translation>rnnviz {version}：让 RNN、LSTM 和 GRU 单元逐个时间步地走过一个序列，查看每一个门，计算方式与 torch.nn 完全相同。</translation>
    </message>
    <message>
        <source>{name} has no scene to present: opened as a workspace</source>
        <translation>{name} 中没有可演示的场景：已作为工作区打开</translation>
    </message>
    <message>
        <source>unit </source>
        <translation>单元 </translation>
    </message>
    <message>
        <source>which unit&apos;s equations to show (also: click a bar in the cell view)</source>
        <translation>显示哪个单元的公式（也可以在单元视图中点击一个条）</translation>
    </message>
    <message>
        <source>{t}, layer {layer} {arrow}, batch {batch}</source>
        <translation>{t}，第 {layer} 层 {arrow}，批 {batch}</translation>
    </message>
    <message>
        <source> — &lt;b&gt;edited run&lt;/b&gt;; (was …): the original&apos;s value</source>
        <translation> — &lt;b&gt;编辑后的运行&lt;/b&gt;；（原为 …）：原始运行的值</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>no training run yet: start one in the Training panel</source>
        <translation>还没有训练：在训练面板中开始一次</translation>
    </message>
    <message>
        <source>optimizer step</source>
        <translation>优化步</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <source>training on &apos;{task}&apos;: {description}</source>
        <translation>在“{task}”上训练：{description}</translation>
    </message>
    <message>
        <source>training loss: {loss}</source>
        <translation>训练损失：{loss}</translation>
    </message>
    <message>
        <source>validation {metric} (log scale)</source>
        <translation>验证 {metric}（对数坐标）</translation>
    </message>
    <message>
        <source>validation {metric}</source>
        <translation>验证 {metric}</translation>
    </message>
    <message>
        <source> — no run yet: Start in the Training panel</source>
        <translation> — 还没有训练：在训练面板中点开始</translation>
    </message>
    <message>
        <source>equations — {header}</source>
        <translation>公式 — {header}</translation>
    </message>
    <message>
        <source>edits reach here (t = {t})</source>
        <translation>编辑从这里起作用（t = {t}）</translation>
    </message>
    <message>
        <source>Change the input at t = {t}…</source>
        <translation>修改 t = {t} 的输入…</translation>
    </message>
    <message>
        <source>Hold {part}[{unit}] here (t = {t})…</source>
        <translation>在这里固定 {part}[{unit}]（t = {t}）…</translation>
    </message>
    <message>
        <source>Colour by difference (edited − original)</source>
        <translation>按差值着色（编辑后 − 原始）</translation>
    </message>
    <message>
        <source>units to plot, e.g. 0, 3, 5-7 (the selected unit is always drawn, thicker)</source>
        <translation>要绘制的单元，例如 0, 3, 5-7（所选单元总会画出，线更粗）</translation>
    </message>
    <message>
        <source>whole sequence</source>
        <translation>整个序列</translation>
    </message>
    <message>
        <source>steps around t</source>
        <translation>t 附近的时间步</translation>
    </message>
    <message>
        <source>a long sequence: each column is the mean of a bin of steps (whole sequence), or one step (around t)</source>
        <translation>长序列：每列是一段时间步的平均值（整个序列），或者是一个时间步（t 附近）</translation>
    </message>
    <message>
        <source>show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>plot units:</source>
        <translation>绘制单元：</translation>
    </message>
    <message>
        <source>picked units over time</source>
        <translation>所选单元随时间的变化</translation>
    </message>
    <message>
        <source>h: unit</source>
        <translation>h：单元</translation>
    </message>
    <message>
        <source>c: unit</source>
        <translation>c：单元</translation>
    </message>
    <message>
        <source>picked units: h solid, c dashed</source>
        <translation>所选单元：h 实线，c 虚线</translation>
    </message>
    <message>
        <source>picked units: h</source>
        <translation>所选单元：h</translation>
    </message>
    <message>
        <source> — dotted, lighter: the original run</source>
        <translation> — 点线、较浅：原始运行</translation>
    </message>
    <message>
        <source> — mean of every {n} steps, band: min to max</source>
        <translation> — 每 {n} 步的平均值，色带：最小到最大</translation>
    </message>
    <message>
        <source>unrolled network — |∂L/∂·| on a fixed log10 scale</source>
        <translation>展开的网络 — |∂L/∂·|，固定的 log10 刻度</translation>
    </message>
    <message>
        <source>encoder → c → decoder (c as its h0)</source>
        <translation>编码器 → c → 解码器（c 作为它的 h0）</translation>
    </message>
    <message>
        <source>encoder → c → decoder (c as input)</source>
        <translation>编码器 → c → 解码器（c 作为输入）</translation>
    </message>
    <message>
        <source>unrolled network — 1→N (input at the first step only)</source>
        <translation>展开的网络 — 1→N（只在第一步输入）</translation>
    </message>
    <message>
        <source>unrolled network — 1→N (input at every step)</source>
        <translation>展开的网络 — 1→N（每一步都输入）</translation>
    </message>
    <message>
        <source>unrolled network — {shape}</source>
        <translation>展开的网络 — {shape}</translation>
    </message>
    <message>
        <source>top-k units</source>
        <translation>前 k 个单元</translation>
    </message>
    <message>
        <source>For large hidden sizes: show only k units, the same ones in every box (the largest |value| of the part chosen next to it, and always the selected unit), labelled by unit index</source>
        <translation>隐藏层很大时：只显示 k 个单元，每个框中都是同样的单元（旁边所选部分 |值| 最大的那些，且总包括所选单元），按单元编号标注</translation>
    </message>
    <message>
        <source>top-k: rank the units by |value| of this part at t (with a projection, h ranks the gates&apos; units by m = o ⊙ tanh(c))</source>
        <translation>前 k 个：按这一部分在 t 时的 |值| 给单元排序（有投影时，h 按 m = o ⊙ tanh(c) 给门的单元排序）</translation>
    </message>
    <message>
        <source>by |{part}|</source>
        <translation>按 |{part}|</translation>
    </message>
    <message>
        <source> — edited; dashes: original</source>
        <translation> — 已编辑；虚线：原始</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title} cell&lt;/b&gt; — {where}, t = {t}, unit {unit} selected</source>
        <translation>&lt;b&gt;{title} 单元&lt;/b&gt; — {where}，t = {t}，已选单元 {unit}</translation>
    </message>
    <message>
        <source>Hold {part}[{unit}] at t = {t}…</source>
        <translation>在 t = {t} 固定 {part}[{unit}]…</translation>
    </message>
    <message>
        <source>Clamp {part}[{unit}] from t = {t} on…</source>
        <translation>从 t = {t} 起固定 {part}[{unit}]…</translation>
    </message>
    <message>
        <source>encoder t = {t}</source>
        <translation>编码器 t = {t}</translation>
    </message>
    <message>
        <source>decoder t = {t}</source>
        <translation>解码器 t = {t}</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
</TS>
