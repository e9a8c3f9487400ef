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
        <source>Nothing is computed yet: the Network panel shows what was asked.</source>
        <translation>尚未计算任何内容：“网络”面板显示的是所请求的设置。</translation>
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
        <source>Δh: unit</source>
        <translation>Δh：单元</translation>
    </message>
    <message>
        <source>Δc: unit</source>
        <translation>Δc：单元</translation>
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
        <source>unexpected error (details in the log):</source>
        <translation>意外错误（详情见日志）：</translation>
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
<context>
    <name>core</name>
    <message>
        <source>unknown device {0}; use auto, cpu, cuda, cuda:N or mps</source>
        <translation>未知设备 {0}；请使用 auto、cpu、cuda、cuda:N 或 mps</translation>
    </message>
    <message>
        <source>device {0} is not supported; use auto, cpu, cuda or mps</source>
        <translation>不支持设备 {0}；请使用 auto、cpu、cuda 或 mps</translation>
    </message>
    <message>
        <source>--edit-x {0}: {1} is not a token of the vocabulary (give a token, or its id as #12)</source>
        <translation>--edit-x {0}：{1} 不是词表中的词元（请给出一个词元，或用 #12 的形式给出它的 id）</translation>
    </message>
    <message>
        <source>{0}: {1} is not one of the input&apos;s characters {2}</source>
        <translation>{0}：{1} 不是输入的字符 {2} 之一</translation>
    </message>
    <message>
        <source>{0}: {1} values for {2} features per step; give one (for every feature) or {3}</source>
        <translation>{0}：给了 {1} 个值，但每个时间步有 {2} 个特征；请给 1 个值（用于所有特征）或 {3} 个</translation>
    </message>
    <message>
        <source>edits need the whole run in memory; this sequence is kept as checkpoints (too long): shorten it to edit it</source>
        <translation>修改需要把整个运行过程放在内存中；此序列太长，只保存了检查点：请缩短后再修改</translation>
    </message>
    <message>
        <source>edits on a padded batch (--lengths) are not supported; give the sequences one by one</source>
        <translation>不支持修改填充过的批（--lengths）；请逐个给出序列</translation>
    </message>
    <message>
        <source>folder {0} does not exist; create it or choose another path</source>
        <translation>文件夹 {0} 不存在；请创建它或选择其他路径</translation>
    </message>
    <message>
        <source>the disk holding {0} is full ({1} free); nothing was written. Free some space or write elsewhere</source>
        <translation>{0} 所在的磁盘已满（剩余 {1}）；未写入任何内容。请腾出一些空间或写到别处</translation>
    </message>
    <message>
        <source>{0} is not readable JSON ({1}); delete or fix it</source>
        <translation>{0} 不是可读取的 JSON（{1}）；请删除或修正它</translation>
    </message>
    <message>
        <source>{0} holds a JSON {1}, not an object; delete or fix it</source>
        <translation>{0} 中是 JSON {1}，而不是对象；请删除或修正它</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; should be {2}, not {3}; fix or delete {4}</source>
        <translation>{0}：&apos;{1}&apos; 应为 {2}，而不是 {3}；请修正或删除 {4}</translation>
    </message>
    <message>
        <source>{0}: &apos;input.input&apos; must name a file beside the checkpoint (a plain file name, no folders); fix or delete {1}</source>
        <translation>{0}：&apos;input.input&apos; 必须是模型文件旁边的一个文件（只写文件名，不带文件夹）；请修正或删除 {1}</translation>
    </message>
    <message>
        <source>{0}: &apos;input.{1}&apos; should be text; fix or delete {2}</source>
        <translation>{0}：&apos;input.{1}&apos; 应为文本；请修正或删除 {2}</translation>
    </message>
    <message>
        <source>the file sets a tensor&apos;s internal state, which rnnviz does not do</source>
        <translation>该文件会设置张量的内部状态，rnnviz 不做这种操作</translation>
    </message>
    <message>
        <source>a tensor&apos;s size or stride in the file is not whole numbers</source>
        <translation>文件中某个张量的大小或步长不是整数</translation>
    </message>
    <message>
        <source>a tensor in the file has no storage of its own</source>
        <translation>文件中的某个张量没有自己的存储</translation>
    </message>
    <message>
        <source>a tensor in the file points outside its storage, or claims more elements than it has; the file is damaged</source>
        <translation>文件中的某个张量指向其存储之外，或声称的元素比实际多；文件已损坏</translation>
    </message>
    <message>
        <source>the file refers to data that is not a tensor storage</source>
        <translation>文件引用的数据不是张量存储</translation>
    </message>
    <message>
        <source>a storage of an unknown type ({0}) in the file</source>
        <translation>文件中有未知类型（{0}）的存储</translation>
    </message>
    <message>
        <source>{0} is neither a state_dict nor a whole model saved by torch.save in its zip format ({1})</source>
        <translation>{0} 既不是 state_dict，也不是由 torch.save 以 zip 格式保存的整个模型（{1}）</translation>
    </message>
    <message>
        <source>{0} is a zip file but not a torch.save archive (no data.pkl)</source>
        <translation>{0} 是 zip 文件，但不是 torch.save 存档（没有 data.pkl）</translation>
    </message>
    <message>
        <source>{0} holds an entry that would unpack to {1} bytes from {2}; not a torch.save archive</source>
        <translation>{0} 中有一项会从 {2} 解压成 {1} 字节；这不是 torch.save 存档</translation>
    </message>
    <message>
        <source>{0} lacks the storage {1}; the file is damaged</source>
        <translation>{0} 缺少存储 {1}；文件已损坏</translation>
    </message>
    <message>
        <source>{0}&apos;s pickle cannot be read without running it ({1}); re-save it with torch.save(model.state_dict(), path)</source>
        <translation>{0} 的 pickle 不运行就无法读取（{1}）；请用 torch.save(model.state_dict(), path) 重新保存</translation>
    </message>
    <message>
        <source>{0}&apos;s module tree cannot be read ({1}); re-save it with torch.save(model.state_dict(), path)</source>
        <translation>无法读取 {0} 的模块树（{1}）；请用 torch.save(model.state_dict(), path) 重新保存</translation>
    </message>
    <message>
        <source>{0}: the module tree is deeper than {1} levels or has more than {2} parts; re-save the state_dict</source>
        <translation>{0}：模块树超过 {1} 层，或多于 {2} 个部分；请重新保存 state_dict</translation>
    </message>
    <message>
        <source>{0} holds no tensors rnnviz can read; re-save it with torch.save(model.state_dict(), path)</source>
        <translation>{0} 中没有 rnnviz 能读取的张量；请用 torch.save(model.state_dict(), path) 重新保存</translation>
    </message>
    <message>
        <source>{0}: &apos;lesson&apos; must be an object with &apos;scenes&apos;, got {1}</source>
        <translation>{0}：&apos;lesson&apos; 必须是含有 &apos;scenes&apos; 的对象，实际为 {1}</translation>
    </message>
    <message>
        <source>{0}: &apos;lesson.scenes&apos; must be a list of scenes, got {1}</source>
        <translation>{0}：&apos;lesson.scenes&apos; 必须是场景列表，实际为 {1}</translation>
    </message>
    <message>
        <source>{0}: scene {1} cannot be shown ({2}); it is kept as it is in the file</source>
        <translation>{0}：场景 {1} 无法显示（{2}）；它按文件中的原样保留</translation>
    </message>
    <message>
        <source>{0}&apos; must be an object, got {1}</source>
        <translation>{0}&apos; 必须是对象，实际为 {1}</translation>
    </message>
    <message>
        <source>{0}.config&apos; must be an object of settings</source>
        <translation>{0}.config&apos; 必须是设置对象</translation>
    </message>
    <message>
        <source>{0}.cursor&apos; must be an object</source>
        <translation>{0}.cursor&apos; 必须是对象</translation>
    </message>
    <message>
        <source>{0}.stage&apos; must list one or two different views of {1}, got {2}</source>
        <translation>{0}.stage&apos; 必须列出 {1} 中的一个或两个不同视图，实际为 {2}</translation>
    </message>
    <message>
        <source>{0}.play&apos; must be [first, last] steps, first ≤ last, at most {1}, got {2}</source>
        <translation>{0}.play&apos; 必须是时间步 [first, last]，first ≤ last，最大为 {1}，实际为 {2}</translation>
    </message>
    <message>
        <source>{0} needs a &apos;task&apos;, one of {1}; got {2}</source>
        <translation>{0} 需要 &apos;task&apos;，取 {1} 之一；实际为 {2}</translation>
    </message>
    <message>
        <source>{0} has {1}; it takes {2}</source>
        <translation>{0} 中有 {1}；可用的键为 {2}</translation>
    </message>
    <message>
        <source>{0}: {1} must be a whole number from 1 to {2}, got {3}</source>
        <translation>{0}：{1} 必须是 1 到 {2} 之间的整数，实际为 {3}</translation>
    </message>
    <message>
        <source>{0}: {1} must be a number between 0 and 10, got {2}</source>
        <translation>{0}：{1} 必须是 0 到 10 之间的数，实际为 {2}</translation>
    </message>
    <message>
        <source>{0}: &apos;seed&apos; must be a whole number from 0 to {1}, got {2}</source>
        <translation>{0}：&apos;seed&apos; 必须是 0 到 {1} 之间的整数，实际为 {2}</translation>
    </message>
    <message>
        <source>{0} must be a text or texts by language ({&quot;en&quot;: ..., &quot;zh_CN&quot;: ...}), got {1}</source>
        <translation>{0} 必须是文本，或按语言给出的文本（{&quot;en&quot;: ..., &quot;zh_CN&quot;: ...}），实际为 {1}</translation>
    </message>
    <message>
        <source>{0}.{1}&apos; must be a whole number ≥ 0, got {2}</source>
        <translation>{0}.{1}&apos; 必须是 ≥ 0 的整数，实际为 {2}</translation>
    </message>
    <message>
        <source>{0}.direction&apos; must be fwd or bwd, got {1}</source>
        <translation>{0}.direction&apos; 必须是 fwd 或 bwd，实际为 {1}</translation>
    </message>
    <message>
        <source>model file {0} does not exist; check the path</source>
        <translation>模型文件 {0} 不存在；请检查路径</translation>
    </message>
    <message>
        <source>{0} (reading it as a whole model without running it failed too: {1})</source>
        <translation>{0}（按整个模型读取且不运行其代码也失败了：{1}）</translation>
    </message>
    <message>
        <source>{0} is not a readable torch checkpoint ({1}); give a file written by torch.save(model.state_dict(), path)</source>
        <translation>{0} 不是可读取的 torch 模型文件（{1}）；请给出由 torch.save(model.state_dict(), path) 写出的文件</translation>
    </message>
    <message>
        <source>reading .safetensors needs the safetensors package; pip install safetensors</source>
        <translation>读取 .safetensors 需要 safetensors 包；pip install safetensors</translation>
    </message>
    <message>
        <source>{0} is not a valid safetensors file ({1})</source>
        <translation>{0} 不是有效的 safetensors 文件（{1}）</translation>
    </message>
    <message>
        <source>{0} holds a {1}, not a state_dict; save model.state_dict() (a dict of tensors) instead</source>
        <translation>{0} 中是 {1}，而不是 state_dict；请改为保存 model.state_dict()（张量组成的 dict）</translation>
    </message>
    <message>
        <source>{0} nests dicts more than {1} deep; a checkpoint is a state_dict, maybe inside a dict or two</source>
        <translation>{0} 中的 dict 嵌套超过 {1} 层；模型文件应是 state_dict，最多放在一两层 dict 里</translation>
    </message>
    <message>
        <source>{0} contains no tensors; it is not a state_dict</source>
        <translation>{0} 中没有张量；它不是 state_dict</translation>
    </message>
    <message>
        <source>no recurrent layer under {0}; the file has: {1}</source>
        <translation>{0} 下没有循环层；文件中有：{1}</translation>
    </message>
    <message>
        <source>no nn.RNN/LSTM/GRU weights found (looked for keys like &apos;weight_ih_l0&apos;, and for an nn.LSTMCell/GRUCell/RNNCell&apos;s &apos;weight_ih&apos;); give the state_dict of a model that contains one</source>
        <translation>没有找到 nn.RNN/LSTM/GRU 的权重（查找了 &apos;weight_ih_l0&apos; 这样的键，以及 nn.LSTMCell/GRUCell/RNNCell 的 &apos;weight_ih&apos;）；请给出包含循环层的模型的 state_dict</translation>
    </message>
    <message>
        <source>no recurrent cell under {0}; the file has: {1}</source>
        <translation>{0} 下没有循环单元；文件中有：{1}</translation>
    </message>
    <message>
        <source>{0}weight_ih has {1}× the hidden size in rows: not an RNNCell (1), GRUCell (3) or LSTMCell (4)</source>
        <translation>{0}weight_ih 的行数是隐藏大小的 {1} 倍：不是 RNNCell (1)、GRUCell (3) 或 LSTMCell (4)</translation>
    </message>
    <message>
        <source>{0}weight_ih_l0/weight_hh_l0 are missing or not matrices</source>
        <translation>{0}weight_ih_l0/weight_hh_l0 缺失或不是矩阵</translation>
    </message>
    <message>
        <source>{0}weight_ih_l0 has {1} rows for hidden size {2}: not 1 (RNN), 3 (GRU) or 4 (LSTM) gates; this is not a torch.nn recurrent layer</source>
        <translation>隐藏大小为 {2} 时 {0}weight_ih_l0 有 {1} 行：不是 1 (RNN)、3 (GRU) 或 4 (LSTM) 个门；这不是 torch.nn 循环层</translation>
    </message>
    <message>
        <source>nonlinearity is not stored in a state_dict; assumed tanh (say --nonlinearity relu if the model used relu)</source>
        <translation>state_dict 不保存激活函数；假定为 tanh（如果模型用的是 relu，请加 --nonlinearity relu）</translation>
    </message>
    <message>
        <source>a softmax is not stored in a state_dict; head output shown as raw scores (say --head softmax or log_softmax if the model had one)</source>
        <translation>state_dict 不保存 softmax；输出层的输出按原始分数显示（如果模型有 softmax，请加 --head softmax 或 log_softmax）</translation>
    </message>
    <message>
        <source>--head {0} was asked for, but the file has no head</source>
        <translation>要求了 --head {0}，但文件中没有输出层</translation>
    </message>
    <message>
        <source>a whole model (torch.save(model)): read without running its code</source>
        <translation>整个模型（torch.save(model)）：读取时不运行其中的代码</translation>
    </message>
    <message>
        <source>nonlinearity {0}, as the file&apos;s Elman RNN says</source>
        <translation>激活函数 {0}，按文件中 Elman RNN 的设定</translation>
    </message>
    <message>
        <source>the spooled {0} ended early; the trace was not written</source>
        <translation>暂存的 {0} 提前结束；轨迹未写入</translation>
    </message>
    <message>
        <source>{0} needs about {1} of disk while it is written but {2} has {3} free; free some space, write elsewhere or shorten the sequence</source>
        <translation>{0} 在写入时需要约 {1} 的磁盘空间，但 {2} 只剩 {3}；请腾出一些空间、写到别处或缩短序列</translation>
    </message>
    <message>
        <source>seq2seq needs one recurrent layer under &apos;encoder.&apos; and one under &apos;decoder.&apos;, but {0} holds {1}; use --topology n2n, n2one or one2n for a single network</source>
        <translation>seq2seq 需要 &apos;encoder.&apos; 下和 &apos;decoder.&apos; 下各有一个循环层，但 {0} 中有 {1}；单个网络请使用 --topology n2n、n2one 或 one2n</translation>
    </message>
    <message>
        <source>{0}&apos;s decoder has attention (&apos;{1}&apos;): rnnviz steps decoders without attention so far; open the encoder alone with --layer-prefix encoder.… (--topology n2n)</source>
        <translation>{0} 的解码器带有注意力（&apos;{1}&apos;）：rnnviz 目前只能单步运行不带注意力的解码器；请用 --layer-prefix encoder.…（--topology n2n）单独打开编码器</translation>
    </message>
    <message>
        <source>--start-token {0} is neither an id nor a name of the decoder&apos;s vocabulary</source>
        <translation>--start-token {0} 既不是解码器词表中的 id，也不是其中的名称</translation>
    </message>
    <message>
        <source>{0}&apos;s decoder has no output head: expected a Linear reading its hidden state (the tutorial&apos;s decoder.out)</source>
        <translation>{0} 的解码器没有输出头：应有一个读取其隐藏状态的 Linear（即教程中的 decoder.out）</translation>
    </message>
    <message>
        <source>a state_dict does not name the decoder&apos;s {0} words; shown as ids (say --target-vocab-file with the output language&apos;s words, in order)</source>
        <translation>state_dict 不包含解码器 {0} 个词的名称；按编号显示（用 --target-vocab-file 按顺序给出输出语言的词）</translation>
    </message>
    <message>
        <source>the target vocabulary has {0} names but the decoder&apos;s embedding has {1} rows; give the vocabulary the model was trained with</source>
        <translation>目标词表有 {0} 个名称，但解码器的嵌入有 {1} 行；请给出训练模型时使用的词表</translation>
    </message>
    <message>
        <source>the decoder&apos;s embedded input is fed as it is; the PyTorch translation tutorial&apos;s DecoderRNN applies F.relu to it: add --decoder-relu for that model</source>
        <translation>解码器的嵌入输入按原样送入；PyTorch 翻译教程的 DecoderRNN 会先对它做 F.relu：对那个模型请加 --decoder-relu</translation>
    </message>
    <message>
        <source>the LSTM decoder starts from h0 = the encoder&apos;s final h and c0 = 0; a decoder handed the encoder&apos;s whole (h, c) differs from this</source>
        <translation>LSTM 解码器从 h0 = 编码器最后的 h、c0 = 0 开始；接收编码器完整 (h, c) 的解码器与此不同</translation>
    </message>
    <message>
        <source>the sidecar&apos;s &apos;seq2seq&apos; is not an encoder–decoder&apos;s spec ({0}: {1}); fix or delete it</source>
        <translation>附带文件中的 &apos;seq2seq&apos; 不是编码器–解码器的规格（{0}：{1}）；请修正或删除它</translation>
    </message>
    <message>
        <source>--start-token and --decoder-relu are for decoders that read their previous symbol through an nn.Embedding; this one reads a one-hot</source>
        <translation>--start-token 和 --decoder-relu 用于通过 nn.Embedding 读取上一个符号的解码器；此解码器读取的是 one-hot</translation>
    </message>
    <message>
        <source>the decoder has no output head: expected linear.weight reading its hidden state</source>
        <translation>解码器没有输出头：应有读取其隐藏状态的 linear.weight</translation>
    </message>
    <message>
        <source>the decoder writes {0} symbols; name them with --target-vocab</source>
        <translation>解码器输出 {0} 个符号；请用 --target-vocab 给它们命名</translation>
    </message>
    <message>
        <source>a state_dict does not name the decoder&apos;s {0} symbols; shown as {1} (say --target-vocab to name them)</source>
        <translation>state_dict 不包含解码器 {0} 个符号的名称；显示为 {1}（用 --target-vocab 给它们命名）</translation>
    </message>
    <message>
        <source>--target-vocab has {0} symbols but the decoder writes {1} (and {2} is the start symbol)</source>
        <translation>--target-vocab 有 {0} 个符号，但解码器输出 {1} 个（且 {2} 是起始符号）</translation>
    </message>
    <message>
        <source>context.weight has no context.bias; rnnviz&apos;s context map is a Linear with a bias (save it with bias=True)</source>
        <translation>有 context.weight 但没有 context.bias；rnnviz 的上下文映射是带偏置的 Linear（请以 bias=True 保存）</translation>
    </message>
    <message>
        <source>context mode &apos;{0}&apos; read from the decoder&apos;s input size ({1})</source>
        <translation>上下文模式“{0}”由解码器的输入大小（{1}）推断</translation>
    </message>
    <message>
        <source>trace files end in .npz; got {0} (try {1}.npz)</source>
        <translation>轨迹文件以 .npz 结尾；得到的是 {0}（试试 {1}.npz）</translation>
    </message>
    <message>
        <source>trace files end in .npz; got {0}</source>
        <translation>轨迹文件以 .npz 结尾；得到的是 {0}</translation>
    </message>
    <message>
        <source>{0} is not an rnnviz trace file ({1})</source>
        <translation>{0} 不是 rnnviz 轨迹文件（{1}）</translation>
    </message>
    <message>
        <source>{0} has no &apos;spec&apos;/&apos;meta&apos; entries; write it with rnnviz trace</source>
        <translation>{0} 没有 &apos;spec&apos;/&apos;meta&apos; 项；请用 rnnviz trace 写出它</translation>
    </message>
    <message>
        <source>the {0} {1} does not exist; open another one before saving the workspace</source>
        <translation>{0} {1} 不存在；保存工作区之前请打开另一个</translation>
    </message>
    <message>
        <source>{0} is {1} MiB, too large to carry inside a workspace (at most {2} MiB); put it in {3} and save again</source>
        <translation>{0} 有 {1} MiB，太大，无法放进工作区（最多 {2} MiB）；请把它放到 {3} 中再保存</translation>
    </message>
    <message>
        <source>workspace files end in {0}; got {1} (try {2}{3})</source>
        <translation>工作区文件以 {0} 结尾；得到的是 {1}（试试 {2}{3}）</translation>
    </message>
    <message>
        <source>this workspace would be {0} MiB with the files it carries, more than rnnviz opens ({1} MiB); put the models beside it (in {2}) and save again</source>
        <translation>连同其携带的文件，此工作区将有 {0} MiB，超过 rnnviz 能打开的大小（{1} MiB）；请把模型放在它旁边（{2} 中）再保存</translation>
    </message>
    <message>
        <source>{0} is larger than any workspace rnnviz writes ({1} MiB); is it the right file?</source>
        <translation>{0} 比 rnnviz 写出的任何工作区都大（{1} MiB）；文件选对了吗？</translation>
    </message>
    <message>
        <source>workspace {0} does not exist</source>
        <translation>工作区 {0} 不存在</translation>
    </message>
    <message>
        <source>{0} is not a workspace file (not JSON: {1}); open a {2} file saved by rnnviz</source>
        <translation>{0} 不是工作区文件（不是 JSON：{1}）；请打开由 rnnviz 保存的 {2} 文件</translation>
    </message>
    <message>
        <source>{0} is not an rnnviz workspace (its &apos;format&apos; is not {1})</source>
        <translation>{0} 不是 rnnviz 工作区（它的 &apos;format&apos; 不是 {1}）</translation>
    </message>
    <message>
        <source>{0}: &apos;version&apos; must be a whole number, got {1}</source>
        <translation>{0}：&apos;version&apos; 必须是整数，实际为 {1}</translation>
    </message>
    <message>
        <source>{0} was written by a newer rnnviz (workspace version {1}; this one reads {2}): opened as far as this version can</source>
        <translation>{0} 由更新版本的 rnnviz 写出（工作区版本 {1}；本版本读取 {2}）：已尽本版本所能打开</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; must be a file name, got {2}</source>
        <translation>{0}：&apos;{1}&apos; 必须是文件名，实际为 {2}</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; ({2}) must name a file in the workspace&apos;s folder or below it, not elsewhere</source>
        <translation>{0}：&apos;{1}&apos;（{2}）必须指向工作区所在文件夹或其子文件夹中的文件，不能在别处</translation>
    </message>
    <message>
        <source>the {0} {1} (&apos;{2}&apos;) is missing beside the workspace</source>
        <translation>工作区旁边缺少 {0} {1}（&apos;{2}&apos;）</translation>
    </message>
    <message>
        <source>{0}: the {1} {2} (&apos;{3}&apos;) is missing beside the workspace; opened without it</source>
        <translation>{0}：工作区旁缺少 {1} {2}（“{3}”）；已在没有它的情况下打开</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; must be an object of settings, got {2}</source>
        <translation>{0}：&apos;{1}&apos; 必须是设置对象，实际为 {2}</translation>
    </message>
    <message>
        <source>{0}: &apos;config.{1}&apos; says the file is carried inside, but &apos;files.{2}&apos; holds nothing</source>
        <translation>{0}：&apos;config.{1}&apos; 表示文件已携带在内，但 &apos;files.{2}&apos; 中什么也没有</translation>
    </message>
    <message>
        <source>{0}: each of &apos;files.{1}&apos; needs a &apos;name&apos; and &apos;data&apos;</source>
        <translation>{0}：&apos;files.{1}&apos; 中的每一项都需要 &apos;name&apos; 和 &apos;data&apos;</translation>
    </message>
    <message>
        <source>{0}: &apos;files.{1}&apos; names {2}; a carried file is a plain file name</source>
        <translation>{0}：&apos;files.{1}&apos; 指向 {2}；携带的文件只能是单纯的文件名</translation>
    </message>
    <message>
        <source>{0}: &apos;files.{1}&apos; {2}: its data is not base64</source>
        <translation>{0}：&apos;files.{1}&apos; {2}：其数据不是 base64</translation>
    </message>
    <message>
        <source>{0}: &apos;files.{1}&apos; does not carry {2}</source>
        <translation>{0}：&apos;files.{1}&apos; 没有携带 {2}</translation>
    </message>
    <message>
        <source>&apos;loss&apos; needs targets, which only a checkpoint trained by rnnviz on its own example input has; choose {0}</source>
        <translation>&apos;loss&apos; 需要目标值，只有 rnnviz 在其自带示例输入上训练的模型文件才有；请选择 {0}</translation>
    </message>
    <message>
        <source>this network has no output head, so there is no y; choose {0}</source>
        <translation>此网络没有输出头，因此没有 y；请选择 {0}</translation>
    </message>
    <message>
        <source>{0}: index out of range; choose {1}</source>
        <translation>{0}：索引超出范围；请选择 {1}</translation>
    </message>
    <message>
        <source>unknown objective {0}; choose {1}</source>
        <translation>未知目标 {0}；请选择 {1}</translation>
    </message>
    <message>
        <source>input must be (T, B, {0}) with T ≥ 1, got {1}</source>
        <translation>输入必须是 (T, B, {0})，且 T ≥ 1，实际为 {1}</translation>
    </message>
    <message>
        <source>--compare untrained needs a checkpoint trained by rnnviz: its .rnnviz.json records the seed training started from</source>
        <translation>--compare untrained 需要由 rnnviz 训练的模型文件：它的 .rnnviz.json 记录了训练开始时的随机种子</translation>
    </message>
    <message>
        <source>--compare: unknown entry {0}; use rnn, lstm, gru or untrained</source>
        <translation>--compare：未知项 {0}；请使用 rnn、lstm、gru 或 untrained</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a Linear reading the recurrent layer&apos;s {1} outputs; the file has: {2}</source>
        <translation>&apos;{0}&apos; 不是读取循环层 {1} 个输出的 Linear；文件中有：{2}</translation>
    </message>
    <message>
        <source>other layers could be the head ({0}); pick one with --head-prefix</source>
        <translation>其他层也可能是输出层（{0}）；用 --head-prefix 选择一个</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; reads the head&apos;s {1} outputs (a deeper head?); rnnviz shows the first Linear only</source>
        <translation>“{0}”读取输出层的 {1} 个输出（更深的输出层？）；rnnviz 只显示第一个 Linear</translation>
    </message>
    <message>
        <source>{0}: {1} is not a number</source>
        <translation>{0}：{1} 不是数字</translation>
    </message>
    <message>
        <source>{0}: the value must be finite, got {1}</source>
        <translation>{0}：值必须是有限的，实际为 {1}</translation>
    </message>
    <message>
        <source>{0}: {1} is not a whole number</source>
        <translation>{0}：{1} 不是整数</translation>
    </message>
    <message>
        <source>--edit-x {0}: write STEP=VALUES, e.g. 5=0.7, 5=0.1,0,2 or, for text, 5=e</source>
        <translation>--edit-x {0}：请写成 STEP=VALUES，例如 5=0.7、5=0.1,0,2，文本输入可写 5=e</translation>
    </message>
    <message>
        <source>{0}: a unit range needs its end, e.g. [0:4]</source>
        <translation>{0}：单元范围需要写出终点，例如 [0:4]</translation>
    </message>
    <message>
        <source>{0}: no units between the brackets; e.g. [3], [0:4], [1,5]</source>
        <translation>{0}：方括号中没有单元；例如 [3]、[0:4]、[1,5]</translation>
    </message>
    <message>
        <source>{0}: write [lL.][fwd.|bwd.]PART[UNITS]=VALUE[@FROM:TO], e.g. f=1, l1.z[0:4]=0@10:, bwd.c[3]=0@7:8</source>
        <translation>{0}：请写成 [lL.][fwd.|bwd.]PART[UNITS]=VALUE[@FROM:TO]，例如 f=1、l1.z[0:4]=0@10:、bwd.c[3]=0@7:8</translation>
    </message>
    <message>
        <source>{0}: write NAME[INDEX]=VALUE (or *=FACTOR), e.g. weight_hh_l0[3, 5]=0, bias_ih_l0[8:16]=0, weight_hh_l0[:, 2]*=0.5</source>
        <translation>{0}：请写成 NAME[INDEX]=VALUE（或 *=FACTOR），例如 weight_hh_l0[3, 5]=0、bias_ih_l0[8:16]=0、weight_hh_l0[:, 2]*=0.5</translation>
    </message>
    <message>
        <source>--edit-x {0}: step {1} is outside 0..{2}</source>
        <translation>--edit-x {0}：时间步 {1} 超出 0..{2}</translation>
    </message>
    <message>
        <source>{0}: an {1} has no part {2}; its parts are {3}</source>
        <translation>{0}：{1} 没有部分 {2}；它的部分有 {3}</translation>
    </message>
    <message>
        <source>{0}: no direction {1}; this network runs {2}</source>
        <translation>{0}：没有方向 {1}；此网络的方向为 {2}</translation>
    </message>
    <message>
        <source>{0}: unit {1} is outside 0..{2} (the part {3} has {4} units)</source>
        <translation>{0}：单元 {1} 超出 0..{2}（部分 {3} 有 {4} 个单元）</translation>
    </message>
    <message>
        <source>{0}: steps {1}..{2} are not inside 0..{3}</source>
        <translation>{0}：时间步 {1}..{2} 不在 0..{3} 之内</translation>
    </message>
    <message>
        <source>{0}: a sigmoid gate is held at {1}, outside [0, 1]</source>
        <translation>{0}：sigmoid 门被固定为 {1}，超出 [0, 1]</translation>
    </message>
    <message>
        <source>{0}: {1} is a tanh, held at {2}, outside [-1, 1]</source>
        <translation>{0}：{1} 是 tanh，被固定为 {2}，超出 [-1, 1]</translation>
    </message>
    <message>
        <source>--set {0}: no parameter {1}; this network has {2}</source>
        <translation>--set {0}：没有参数 {1}；此网络有 {2}</translation>
    </message>
    <message>
        <source>--set {0}: {1} has {2} dimension(s) {3}, indexed with {4}</source>
        <translation>--set {0}：{1} 有 {2} 个维度 {3}，却用 {4} 个索引</translation>
    </message>
    <message>
        <source>--set {0}: index {1} of dimension {2} is outside 0..{3} ({4} is {5})</source>
        <translation>--set {0}：第 {2} 维的索引 {1} 超出 0..{3}（{4} 的形状为 {5}）</translation>
    </message>
    <message>
        <source>--set {0}: the index selects no entry of {1} {2}</source>
        <translation>--set {0}：该索引没有选中 {1} {2} 中的任何元素</translation>
    </message>
    <message>
        <source>edit {0}: write &apos;clamp f=1@10:&apos;, &apos;edit-x 5=0.7&apos; or &apos;set weight_hh_l0[3,5]=0&apos;</source>
        <translation>修改 {0}：请写成 &apos;clamp f=1@10:&apos;、&apos;edit-x 5=0.7&apos; 或 &apos;set weight_hh_l0[3,5]=0&apos;</translation>
    </message>
    <message>
        <source>even kept as checkpoints every {0} steps, this trace ({1}, T={2}, batch={3}) needs about {4} but only {5} of memory is available; shorten the sequence or lower the batch or hidden size</source>
        <translation>即使每 {0} 步只保存一个检查点，此轨迹（{1}，T={2}，batch={3}）也需要约 {4}，但可用内存只有 {5}；请缩短序列，或减小批大小或隐藏大小</translation>
    </message>
    <message>
        <source>asked for {0} steps of {1} at once; a long trace gives at most {2} (its overview has the whole)</source>
        <translation>一次请求了 {1} 的 {0} 个时间步；长轨迹一次最多给出 {2} 个（其概览包含整个序列）</translation>
    </message>
    <message>
        <source>{0} ({1}, T={2}, batch={3}) needs about {4} but only {5} of {6} is available; shorten the sequence or lower the hidden size, layers or batch</source>
        <translation>{0}（{1}，T={2}，batch={3}）需要约 {4}，但可用的{6}只剩 {5}；请缩短序列，或减小隐藏大小、层数或批大小</translation>
    </message>
    <message>
        <source>weights do not fit {0}: missing {1}, unexpected {2}; check the layer count, bias and direction</source>
        <translation>权重与 {0} 不符：缺少 {1}，多出 {2}；请检查层数、偏置和方向</translation>
    </message>
    <message>
        <source>{0} has shape {1} but {2} with input size {3} needs {4}; check the sizes</source>
        <translation>{0} 的形状为 {1}，但输入大小为 {3} 的 {2} 需要 {4}；请检查各项大小</translation>
    </message>
    <message>
        <source>{0} is {1}, not floating point</source>
        <translation>{0} 是 {1}，不是浮点数</translation>
    </message>
    <message>
        <source>{0} is not nn.RNN, nn.LSTM or nn.GRU</source>
        <translation>{0} 不是 nn.RNN、nn.LSTM 或 nn.GRU</translation>
    </message>
    <message>
        <source>this network has no Embedding: give it features per step (--input a CSV/.npy of numbers, or --preset text for one-hot)</source>
        <translation>此网络没有 Embedding：请给它每个时间步的特征（--input 数字的 CSV/.npy，或用 --preset text 得到 one-hot）</translation>
    </message>
    <message>
        <source>token id {0} at step {1}, sequence {2} is outside the embedding &apos;{3}&apos; (ids 0..{4}); check the vocabulary the ids came from</source>
        <translation>时间步 {1}、序列 {2} 处的词元 id {0} 超出嵌入 &apos;{3}&apos; 的范围（id 为 0..{4}）；请检查这些 id 所用的词表</translation>
    </message>
    <message>
        <source>{0} has {1} weights: about {2} while it is built, but only {3} of memory is available; lower the hidden size, layers or input size</source>
        <translation>{0} 有 {1} 个权重：构建时需要约 {2}，但可用内存只有 {3}；请减小隐藏大小、层数或输入大小</translation>
    </message>
    <message>
        <source>{0} holds {1} values; a recurrent layer&apos;s weights are real floating-point numbers</source>
        <translation>{0} 中是 {1} 值；循环层的权重应是实数浮点数</translation>
    </message>
    <message>
        <source>{0} contains NaN or inf; the checkpoint is damaged</source>
        <translation>{0} 含有 NaN 或 inf；模型文件已损坏</translation>
    </message>
    <message>
        <source>seq2seq needs an encoder and a decoder, but this model is a single {0}; open an encoder–decoder checkpoint (keys encoder.*, decoder.*, linear.*) or build one without --model</source>
        <translation>seq2seq 需要一个编码器和一个解码器，但此模型只是单个 {0}；请打开编码器–解码器模型文件（键为 encoder.*、decoder.*、linear.*），或不用 --model 新建一个</translation>
    </message>
    <message>
        <source>this model is an encoder–decoder ({0}); use --topology seq2seq</source>
        <translation>此模型是编码器–解码器（{0}）；请使用 --topology seq2seq</translation>
    </message>
    <message>
        <source>--decode-steps must be a whole number ≥ 1, got {0}</source>
        <translation>--decode-steps 必须是 ≥ 1 的整数，实际为 {0}</translation>
    </message>
    <message>
        <source>one2n: the input&apos;s first step is the one input; its other {0} steps are not used</source>
        <translation>one2n：输入的第一步就是那个唯一的输入；其余 {0} 步不使用</translation>
    </message>
    <message>
        <source>--decode-steps is for one2n and seq2seq; {0} has one step per input step ({1})</source>
        <translation>--decode-steps 用于 one2n 和 seq2seq；{0} 每个输入时间步对应一个时间步（{1}）</translation>
    </message>
    <message>
        <source>--lengths is for N→N (every step has an output); {0} reads each sequence to the end</source>
        <translation>--lengths 用于 N→N（每个时间步都有输出）；{0} 会把每个序列读到结尾</translation>
    </message>
    <message>
        <source>--decode-steps {0}: a decoder writes one symbol at a time; give at most {1}</source>
        <translation>--decode-steps {0}：解码器一次输出一个符号；最多给 {1}</translation>
    </message>
    <message>
        <source>unknown context mode {0}; use init (h0) or input</source>
        <translation>未知上下文模式 {0}；请使用 init（h0）或 input</translation>
    </message>
    <message>
        <source>the decoder must be unidirectional and without proj_size: it writes one symbol after another</source>
        <translation>解码器必须是单向的，且不带 proj_size：它一个接一个地输出符号</translation>
    </message>
    <message>
        <source>a start symbol and a ReLU on the input are for decoders that read their previous symbol through an nn.Embedding</source>
        <translation>起始符号和输入上的 ReLU 用于通过 nn.Embedding 读取上一个符号的解码器</translation>
    </message>
    <message>
        <source>the target vocabulary must be non-empty symbols other than {0} (the start symbol)</source>
        <translation>目标词表必须是非空的、{0}（起始符号）以外的符号</translation>
    </message>
    <message>
        <source>the context has {0} features but the decoder&apos;s h0 needs {1}; add a Linear map on c (--context-map) or make the sizes equal</source>
        <translation>上下文有 {0} 个特征，但解码器的 h0 需要 {1} 个；请在 c 上加一个 Linear 映射（--context-map），或让两者大小相同</translation>
    </message>
    <message>
        <source>the decoder needs an output head of {0} symbols</source>
        <translation>解码器需要一个输出 {0} 个符号的输出头</translation>
    </message>
    <message>
        <source>a decoder that reads its previous symbol through an nn.Embedding takes the context as its h0 here (as the PyTorch translation tutorial&apos;s); one that also reads the context at every step is not simulated yet</source>
        <translation>通过 nn.Embedding 读取上一个符号的解码器在这里把上下文作为其 h0（与 PyTorch 翻译教程相同）；在每个时间步还读取上下文的解码器暂不支持模拟</translation>
    </message>
    <message>
        <source>the context has {0} features but the decoder&apos;s h0 needs {1}</source>
        <translation>上下文有 {0} 个特征，但解码器的 h0 需要 {1} 个</translation>
    </message>
    <message>
        <source>the decoder&apos;s embedding &apos;{0}&apos; has {1} rows but its output head writes {2} symbols; they must agree</source>
        <translation>解码器的嵌入 &apos;{0}&apos; 有 {1} 行，但其输出头输出 {2} 个符号；两者必须一致</translation>
    </message>
    <message>
        <source>the target vocabulary has {0} names but the decoder writes {1} symbols</source>
        <translation>目标词表有 {0} 个名称，但解码器输出 {1} 个符号</translation>
    </message>
    <message>
        <source>the start symbol must be an id 0..{0} of the decoder&apos;s vocabulary, got {1}</source>
        <translation>起始符号必须是解码器词表中的 id 0..{0}，实际为 {1}</translation>
    </message>
    <message>
        <source>the context map&apos;s weights are missing (context.weight)</source>
        <translation>缺少上下文映射的权重（context.weight）</translation>
    </message>
    <message>
        <source>context.weight has shape {0}, expected {1}</source>
        <translation>context.weight 的形状为 {0}，应为 {1}</translation>
    </message>
    <message>
        <source>decoder steps must be a whole number ≥ 1, got {0}</source>
        <translation>解码器步数必须是 ≥ 1 的整数，实际为 {0}</translation>
    </message>
    <message>
        <source>teacher symbols must be (steps, batch) = {0} ids below {1}</source>
        <translation>教师符号必须是 (steps, batch) = {0} 个小于 {1} 的 id</translation>
    </message>
    <message>
        <source>{0}: values must be (T, B, I) with no empty axis, got shape {1}</source>
        <translation>{0}：值必须是 (T, B, I) 且没有空轴，实际形状为 {1}</translation>
    </message>
    <message>
        <source>{0}: values contain NaN or inf; clean the data first</source>
        <translation>{0}：值中含有 NaN 或 inf；请先清理数据</translation>
    </message>
    <message>
        <source>{0}: {1} has {2} entries for {3} {4}</source>
        <translation>{0}：{1} 有 {2} 项，对应的却是 {3} {4}</translation>
    </message>
    <message>
        <source>{0}: tokens have shape {1} for {2} steps × {3} sequences</source>
        <translation>{0}：词元的形状为 {1}，但有 {2} 个时间步 × {3} 个序列</translation>
    </message>
    <message>
        <source>{0} must be a whole number, got {1}; {2}</source>
        <translation>{0} 必须是整数，实际为 {1}；{2}</translation>
    </message>
    <message>
        <source>{0} must be at least {1}, got {2}; {3}</source>
        <translation>{0} 至少为 {1}，实际为 {2}；{3}</translation>
    </message>
    <message>
        <source>{0} must be a finite number, got {1}</source>
        <translation>{0} 必须是有限的数，实际为 {1}</translation>
    </message>
    <message>
        <source>a {0}×{1}×{2} sequence has {3} values, more than the {4} allowed; use a shorter sequence, a smaller batch or fewer features</source>
        <translation>{0}×{1}×{2} 的序列有 {3} 个值，超过允许的 {4} 个；请使用更短的序列、更小的批或更少的特征</translation>
    </message>
    <message>
        <source>impulse_at={0} is past the end of a {1}-step sequence; pick a step from 0 to {2} or make the sequence longer</source>
        <translation>impulse_at={0} 超出了 {1} 步序列的结尾；请选 0 到 {2} 之间的时间步，或加长序列</translation>
    </message>
    <message>
        <source>the text has characters {0} that the model does not know; it reads only the {1} symbols {2}, so type only those</source>
        <translation>文本中有模型不认识的字符 {0}；它只读取 {1} 个符号 {2}，请只输入这些</translation>
    </message>
    <message>
        <source>the text has characters {0} that are not in the vocabulary {1}; add them to the vocabulary or remove them from the text</source>
        <translation>文本中有不在词表 {1} 中的字符 {0}；请把它们加入词表，或从文本中删去</translation>
    </message>
    <message>
        <source>the text is empty ({0}); type at least one character</source>
        <translation>文本为空（{0}）；请至少输入一个字符</translation>
    </message>
    <message>
        <source>the vocabulary is empty; leave it out to use the text&apos;s characters</source>
        <translation>词表为空；不填则使用文本中的字符</translation>
    </message>
    <message>
        <source>the vocabulary {0} repeats characters; list each one once</source>
        <translation>词表 {0} 中有重复的字符；每个字符只列一次</translation>
    </message>
    <message>
        <source>the text preset needs some text; pass text=&apos;hello&apos;</source>
        <translation>文本预设需要一些文本；请传入 text=&apos;hello&apos;</translation>
    </message>
    <message>
        <source>unknown preset {0}; choose one of {1}</source>
        <translation>未知预设 {0}；请选择 {1} 之一</translation>
    </message>
    <message>
        <source>cannot read {0} ({1}); check the path and permissions</source>
        <translation>无法读取 {0}（{1}）；请检查路径和权限</translation>
    </message>
    <message>
        <source>cannot read {0}: it is not a plain file (a device, a pipe or a folder); give a file saved on disk</source>
        <translation>无法读取 {0}：它不是普通文件（而是设备、管道或文件夹）；请给出保存在磁盘上的文件</translation>
    </message>
    <message>
        <source>{0} is {1} GiB, more than the {2} GiB a table may be; save it as .npy, or cut it</source>
        <translation>{0} 有 {1} GiB，超过表格允许的 {2} GiB；请另存为 .npy，或将其截短</translation>
    </message>
    <message>
        <source>{0} is not UTF-8 text (byte {1}); save it as UTF-8 CSV</source>
        <translation>{0} 不是 UTF-8 文本（第 {1} 字节）；请另存为 UTF-8 CSV</translation>
    </message>
    <message>
        <source>{0} has no data rows; put one time step per row</source>
        <translation>{0} 没有数据行；请每行放一个时间步</translation>
    </message>
    <message>
        <source>{0}: line {1} is blank; remove blank lines between rows or fill in the time step</source>
        <translation>{0}：第 {1} 行为空行；请删去行间的空行，或填入该时间步</translation>
    </message>
    <message>
        <source>{0}: line {1} has {2} values but line {3} has {4}; every row needs the same number of columns</source>
        <translation>{0}：第 {1} 行有 {2} 个值，但第 {3} 行有 {4} 个；每行的列数必须相同</translation>
    </message>
    <message>
        <source>{0} is empty; fill or drop missing values</source>
        <translation>{0} 为空；请填补或删去缺失值</translation>
    </message>
    <message>
        <source>{0}: {1} is not a number; {2}</source>
        <translation>{0}：{1} 不是数字；{2}</translation>
    </message>
    <message>
        <source>{0} is nan; fill or drop missing values</source>
        <translation>{0} 为 nan；请填补或删去缺失值</translation>
    </message>
    <message>
        <source>{0} is {1}; replace it with a finite number</source>
        <translation>{0} 为 {1}；请换成有限的数</translation>
    </message>
    <message>
        <source>{0} has a header but no data rows; put one time step per row</source>
        <translation>{0} 有表头但没有数据行；请每行放一个时间步</translation>
    </message>
    <message>
        <source>{0} is not a plain numeric .npy array ({1}); save one array with np.save(path, array.astype(float))</source>
        <translation>{0} 不是普通的数值 .npy 数组（{1}）；请用 np.save(path, array.astype(float)) 保存一个数组</translation>
    </message>
    <message>
        <source>{0} is an .npz archive; save one array with np.save</source>
        <translation>{0} 是 .npz 存档；请用 np.save 保存一个数组</translation>
    </message>
    <message>
        <source>{0} holds {1} values; save real numbers, e.g. np.save(path, array.astype(float))</source>
        <translation>{0} 中是 {1} 值；请保存实数，例如 np.save(path, array.astype(float))</translation>
    </message>
    <message>
        <source>{0} has shape {1}; use (T,), (T, I) or (T, B, I) — or (B, T, I) with batch_first</source>
        <translation>{0} 的形状为 {1}；请使用 (T,)、(T, I) 或 (T, B, I)——或配合 batch_first 使用 (B, T, I)</translation>
    </message>
    <message>
        <source>{0} has shape {1} with an empty axis; it needs at least one time step and one feature</source>
        <translation>{0} 的形状 {1} 中有空轴；它至少需要一个时间步和一个特征</translation>
    </message>
    <message>
        <source>{0}: value at index {1} is {2}; fill, drop or clip missing and infinite values</source>
        <translation>{0}：索引 {1} 处的值为 {2}；请填补、删去或截断缺失值和无穷值</translation>
    </message>
    <message>
        <source>{0} declares shape {1}: {2} values, more than the {3} allowed; use a shorter sequence or fewer features</source>
        <translation>{0} 声明的形状为 {1}：{2} 个值，超过允许的 {3} 个；请使用更短的序列或更少的特征</translation>
    </message>
    <message>
        <source>cannot load {0}: unknown file type {1}; use .csv, .txt or .tsv (one step per row) or .npy</source>
        <translation>无法加载 {0}：未知文件类型 {1}；请使用 .csv、.txt 或 .tsv（每行一个时间步）或 .npy</translation>
    </message>
    <message>
        <source>{0} but {1} input_size is {2}; {3}</source>
        <translation>{0}，但{1} input_size 为 {2}；{3}</translation>
    </message>
    <message>
        <source>{0} must be a whole number ≥ 1, got {1}; {2}</source>
        <translation>{0} 必须是 ≥ 1 的整数，实际为 {1}；{2}</translation>
    </message>
    <message>
        <source>unknown cell {0}; choose one of {1}</source>
        <translation>未知单元 {0}；请选择 {1} 之一</translation>
    </message>
    <message>
        <source>{0} {1} is more than rnnviz steps ({2}); give a smaller one</source>
        <translation>{0} {1} 超过了 rnnviz 能单步运行的上限（{2}）；请给一个更小的值</translation>
    </message>
    <message>
        <source>unknown nonlinearity {0}; choose &apos;tanh&apos; or &apos;relu&apos;</source>
        <translation>未知非线性函数 {0}；请选择 &apos;tanh&apos; 或 &apos;relu&apos;</translation>
    </message>
    <message>
        <source>nonlinearity={0} applies to the Elman RNN only; {1} gates are fixed (use --cell rnn for a relu RNN)</source>
        <translation>nonlinearity={0} 只适用于 Elman RNN；{1} 的门是固定的（relu RNN 请用 --cell rnn）</translation>
    </message>
    <message>
        <source>proj_size must be ≥ 0, got {0}</source>
        <translation>proj_size 必须 ≥ 0，实际为 {0}</translation>
    </message>
    <message>
        <source>proj_size applies to LSTM only; set it to 0 or use --cell lstm</source>
        <translation>proj_size 只适用于 LSTM；请设为 0，或使用 --cell lstm</translation>
    </message>
    <message>
        <source>proj_size ({0}) must be smaller than hidden_size ({1}), as in torch.nn.LSTM</source>
        <translation>proj_size（{0}）必须小于 hidden_size（{1}），与 torch.nn.LSTM 相同</translation>
    </message>
    <message>
        <source>dropout must be in [0, 1), got {0}</source>
        <translation>dropout 必须在 [0, 1) 之内，实际为 {0}</translation>
    </message>
    <message>
        <source>the head&apos;s {0} outputs are more than rnnviz steps ({1}); give fewer</source>
        <translation>输出头的 {0} 个输出超过了 rnnviz 能单步运行的上限（{1}）；请减少</translation>
    </message>
    <message>
        <source>unknown head activation {0}; choose one of {1}</source>
        <translation>未知输出头激活函数 {0}；请选择 {1} 之一</translation>
    </message>
    <message>
        <source>h0 has shape {0} but this network needs {1} (layers*directions, batch, hidden)</source>
        <translation>h0 的形状为 {0}，但此网络需要 {1}（层数*方向数, batch, hidden）</translation>
    </message>
    <message>
        <source>c0 has shape {0} but this LSTM needs {1}</source>
        <translation>c0 的形状为 {0}，但此 LSTM 需要 {1}</translation>
    </message>
    <message>
        <source>{0} contains NaN or inf; give finite numbers</source>
        <translation>{0} 含有 NaN 或 inf；请给出有限的数</translation>
    </message>
    <message>
        <source>{0} has shape {1} but this network needs {2} (one row per layer and direction) or {3} (a row per sequence of the batch)</source>
        <translation>{0} 的形状为 {1}，但此网络需要 {2}（每层每个方向一行）或 {3}（批中每个序列一行）</translation>
    </message>
    <message>
        <source>initial state &apos;given&apos; needs h0 values: --init-values in the CLI, Edit h0 / c0… in the window</source>
        <translation>初始状态 &apos;given&apos; 需要 h0 的值：命令行中用 --init-values，窗口中用“编辑 h0 / c0…”</translation>
    </message>
    <message>
        <source>unknown initial state {0}; use one of {1}</source>
        <translation>未知初始状态 {0}；请使用 {1} 之一</translation>
    </message>
    <message>
        <source>{0} has {1} steps, too many to hold at once; read a window of steps or the trace&apos;s overview</source>
        <translation>{0} 有 {1} 个时间步，太多，无法一次放下；请读取一段时间步窗口或轨迹的概览</translation>
    </message>
    <message>
        <source>unknown task {0}; choose one of {1}</source>
        <translation>未知任务 {0}；请选择 {1} 之一</translation>
    </message>
    <message>
        <source>cannot read the vocabulary {0} ({1}); give a UTF-8 text file with one token per line, or a JSON list</source>
        <translation>无法读取词表 {0}（{1}）；请给出每行一个词元的 UTF-8 文本文件，或 JSON 列表</translation>
    </message>
    <message>
        <source>{0} looks like JSON but is not ({1}); fix it or write one token per line</source>
        <translation>{0} 看起来像 JSON 但并不是（{1}）；请修正它，或改为每行写一个词元</translation>
    </message>
    <message>
        <source>{0} holds no tokens; write one token per line</source>
        <translation>{0} 中没有词元；请每行写一个词元</translation>
    </message>
    <message>
        <source>{0}: a JSON vocabulary list must hold the tokens as strings</source>
        <translation>{0}：JSON 词表列表中的词元必须是字符串</translation>
    </message>
    <message>
        <source>{0}: a JSON vocabulary object maps each token (a string) to its id (a whole number)</source>
        <translation>{0}：JSON 词表对象把每个词元（字符串）映射到它的 id（整数）</translation>
    </message>
    <message>
        <source>{0}: the ids must be 0..{1}, each once; they are not</source>
        <translation>{0}：id 必须是 0..{1} 且各出现一次；现在不是</translation>
    </message>
    <message>
        <source>{0}: a JSON vocabulary is a list of tokens or an object token → id, not {1}</source>
        <translation>{0}：JSON 词表是词元列表或 词元 → id 的对象，而不是 {1}</translation>
    </message>
    <message>
        <source>{0}: token {1} appears twice (again as id {2}); each token needs one id</source>
        <translation>{0}：词元 {1} 出现了两次（又作为 id {2}）；每个词元只能有一个 id</translation>
    </message>
    <message>
        <source>unknown tokenizer {0}; use chars or words</source>
        <translation>未知分词方式 {0}；请使用 chars 或 words</translation>
    </message>
    <message>
        <source>the text holds no tokens; give at least one</source>
        <translation>文本中没有词元；请至少给出一个</translation>
    </message>
    <message>
        <source>--unk {0} is not in {1}; name a token it has (e.g. &lt;unk&gt;)</source>
        <translation>--unk {0} 不在 {1} 中；请指定其中已有的词元（例如 &lt;unk&gt;）</translation>
    </message>
    <message>
        <source>not in {0}: {1}{2}; fix the text, or map unknown tokens with --unk &lt;a token of the vocabulary&gt;</source>
        <translation>不在 {0} 中：{1}{2}；请修改文本，或用 --unk &lt;a token of the vocabulary&gt;（词表中的一个词元）替换未知词元</translation>
    </message>
    <message>
        <source>--tokens takes whole numbers separated by commas, e.g. 12,7,99; got {0}</source>
        <translation>--tokens 接受以逗号分隔的整数，例如 12,7,99；得到的是 {0}</translation>
    </message>
    <message>
        <source>--tokens is empty; give at least one token id</source>
        <translation>--tokens 为空；请至少给出一个词元 id</translation>
    </message>
    <message>
        <source>token ids must have shape (T,) or (T, B), got {0}</source>
        <translation>词元 id 的形状必须是 (T,) 或 (T, B)，实际为 {0}</translation>
    </message>
    <message>
        <source>the token ids are empty; give at least one step</source>
        <translation>词元 id 为空；请至少给出一个时间步</translation>
    </message>
    <message>
        <source>{0} has {1} tokens but the embedding &apos;{2}&apos; has {3} rows; give the vocabulary the model was trained with</source>
        <translation>{0} 有 {1} 个词元，但嵌入 &apos;{2}&apos; 有 {3} 行；请给出训练模型时使用的词表</translation>
    </message>
    <message>
        <source>cannot read {0} as an .npy of token ids ({1})</source>
        <translation>无法把 {0} 读取为词元 id 的 .npy（{1}）</translation>
    </message>
    <message>
        <source>{0} is an .npz archive; save the ids with np.save</source>
        <translation>{0} 是 .npz 存档；请用 np.save 保存 id</translation>
    </message>
    <message>
        <source>{0} holds {1} values, but this model reads token ids (whole numbers) through its Embedding; save np.save(path, ids.astype(int))</source>
        <translation>{0} 中是 {1} 值，但此模型通过其 Embedding 读取词元 id（整数）；请用 np.save(path, ids.astype(int)) 保存</translation>
    </message>
    <message>
        <source>unknown topology {0}; choose one of {1}</source>
        <translation>未知拓扑 {0}；请选择 {1} 之一</translation>
    </message>
    <message>
        <source>unknown feed {0}: one2n feeds its input at the &apos;first&apos; step only or at &apos;every&apos; step</source>
        <translation>未知输入方式 {0}：one2n 只在 &apos;first&apos;（第一个）时间步输入，或在 &apos;every&apos;（每个）时间步输入</translation>
    </message>
    <message>
        <source>input must have shape (T, I) or (T, B, I), got {0}</source>
        <translation>输入的形状必须是 (T, I) 或 (T, B, I)，实际为 {0}</translation>
    </message>
    <message>
        <source>the input sequence is empty; give at least one time step</source>
        <translation>输入序列为空；请至少给出一个时间步</translation>
    </message>
    <message>
        <source>the input has batch size 0; give at least one sequence</source>
        <translation>输入的批大小为 0；请至少给出一个序列</translation>
    </message>
    <message>
        <source>input has {0} feature(s) per step but the model expects {1}; give {2} columns or change --input-size</source>
        <translation>输入每个时间步有 {0} 个特征，但模型需要 {1} 个；请给出 {2} 列，或修改 --input-size</translation>
    </message>
    <message>
        <source>input has NaN or inf at step {0}, batch {1}, feature {2}; clean or fill the data first</source>
        <translation>输入在时间步 {0}、批 {1}、特征 {2} 处有 NaN 或 inf；请先清理或填补数据</translation>
    </message>
    <message>
        <source>unknown method {0}; use &apos;fast&apos; or &apos;step&apos;</source>
        <translation>未知方法 {0}；请使用 &apos;fast&apos; 或 &apos;step&apos;</translation>
    </message>
    <message>
        <source>sequences of their own lengths are traced whole; this batch is too long to hold: shorten it or trace the sequences one by one</source>
        <translation>各有长度的序列要整体计算轨迹；此批太长，无法放下：请缩短它，或逐个计算序列的轨迹</translation>
    </message>
    <message>
        <source>lengths must be whole numbers; got {0} values</source>
        <translation>长度必须是整数；得到的是 {0} 值</translation>
    </message>
    <message>
        <source>--lengths gives {0} length(s) for a batch of {1} sequence(s); give one per sequence, e.g. {2}</source>
        <translation>--lengths 为 {1} 个序列的批给了 {0} 个长度；请每个序列给一个，例如 {2}</translation>
    </message>
    <message>
        <source>lengths must be whole numbers; got {0}</source>
        <translation>长度必须是整数；得到的是 {0}</translation>
    </message>
    <message>
        <source>sequence {0} has length {1}, outside 1..{2} (the input has {3} steps); fix --lengths</source>
        <translation>序列 {0} 的长度为 {1}，超出 1..{2}（输入有 {3} 个时间步）；请修正 --lengths</translation>
    </message>
    <message>
        <source>new steps have batch {0}, the trace has {1}</source>
        <translation>新时间步的批为 {0}，而轨迹的批为 {1}</translation>
    </message>
    <message>
        <source>{0} must be a whole number ≥ 1, got {1}</source>
        <translation>{0} 必须是 ≥ 1 的整数，实际为 {1}</translation>
    </message>
    <message>
        <source>{0} {1} is more than training in rnnviz takes ({2}); give a smaller one</source>
        <translation>{0} {1} 超过了 rnnviz 训练能接受的上限（{2}）；请给一个更小的值</translation>
    </message>
    <message>
        <source>learning rate {0} is out of range; try 0.001 to 0.05</source>
        <translation>学习率 {0} 超出范围；请试试 0.001 到 0.05</translation>
    </message>
    <message>
        <source>unknown optimizer {0}; use adam or sgd</source>
        <translation>未知优化器 {0}；请使用 adam 或 sgd</translation>
    </message>
    <message>
        <source>gradient clipping {0} must be ≥ 0 (0 turns it off)</source>
        <translation>梯度裁剪 {0} 必须 ≥ 0（0 表示关闭）</translation>
    </message>
    <message>
        <source>task {0} is {1} ({2}); --topology {3} does not fit it</source>
        <translation>任务 {0} 是 {1}（{2}）；--topology {3} 与它不符</translation>
    </message>
    <message>
        <source>unknown context mode {0}; use init or input</source>
        <translation>未知上下文模式 {0}；请使用 init 或 input</translation>
    </message>
    <message>
        <source>--baseline writes the unedited run next to an edited one; add --edit-x, --clamp or --set</source>
        <translation>--baseline 会在修改后的运行旁边写出未修改的运行；请加上 --edit-x、--clamp 或 --set</translation>
    </message>
    <message>
        <source>edits on an encoder–decoder are not supported yet; edit a single network (--topology n2n, n2one or one2n)</source>
        <translation>暂不支持修改编码器–解码器；请修改单个网络（--topology n2n、n2one 或 one2n）</translation>
    </message>
    <message>
        <source>--of loss uses the checkpoint&apos;s own example input and targets; drop --input / --preset</source>
        <translation>--of loss 使用模型文件自带的示例输入和目标值；请去掉 --input / --preset</translation>
    </message>
    <message>
        <source>--of loss compares with task &apos;{0}&apos;&apos;s targets, which fit its own shape ({1}); drop --topology / --decode-steps</source>
        <translation>--of loss 与任务 &apos;{0}&apos; 的目标值比较，这些目标值符合它自己的形状（{1}）；请去掉 --topology / --decode-steps</translation>
    </message>
    <message>
        <source>gradients through time of a padded batch (--lengths) are not computed yet; leave out --lengths, or give one sequence</source>
        <translation>暂不计算填充过的批（--lengths）随时间的梯度；请去掉 --lengths，或只给一个序列</translation>
    </message>
    <message>
        <source>--decode-steps is for one2n and seq2seq; {0} has one step per input step</source>
        <translation>--decode-steps 用于 one2n 和 seq2seq；{0} 每个输入时间步对应一个时间步</translation>
    </message>
    <message>
        <source>seq2seq: the encoder starts from zeros and the decoder from the context; leave out --init</source>
        <translation>seq2seq：编码器从零开始，解码器从上下文开始；请去掉 --init</translation>
    </message>
    <message>
        <source>this model reads token ids through its Embedding &apos;{0}&apos;; give an .npy of whole numbers (T,) or (T, B), --tokens 12,7,99, or --text with --vocab-file</source>
        <translation>此模型通过其 Embedding &apos;{0}&apos; 读取词元 id；请给出整数 (T,) 或 (T, B) 的 .npy、--tokens 12,7,99，或 --text 配合 --vocab-file</translation>
    </message>
    <message>
        <source>to split --text into the tokens of the Embedding &apos;{0}&apos; ({1} rows), give its vocabulary: --vocab-file vocab.txt (one token per line) or, for characters, --vocab with them in order</source>
        <translation>要把 --text 切分成 Embedding &apos;{0}&apos;（{1} 行）的词元，请给出它的词表：--vocab-file vocab.txt（每行一个词元），字符词表也可以用 --vocab 按顺序列出</translation>
    </message>
    <message>
        <source>this model reads tokens through its Embedding &apos;{0}&apos; ({1} rows): give --tokens 3,14,15, or --text &apos;…&apos; with --vocab-file vocab.txt, or --input ids.npy</source>
        <translation>此模型通过其 Embedding &apos;{0}&apos;（{1} 行）读取词元：请给出 --tokens 3,14,15，或 --text &apos;…&apos; 配合 --vocab-file vocab.txt，或 --input ids.npy</translation>
    </message>
    <message>
        <source>--classes names the head&apos;s outputs, and this network has no head</source>
        <translation>--classes 为输出头的各个输出命名，而此网络没有输出头</translation>
    </message>
    <message>
        <source>cannot read the classes from {0} ({1}); give a UTF-8 file with one name per line, or a,b,c</source>
        <translation>无法从 {0} 读取类别名（{1}）；请给出每行一个名称的 UTF-8 文件，或 a,b,c</translation>
    </message>
    <message>
        <source>--classes gives {0} names but the head has {1} outputs; give one name per output</source>
        <translation>--classes 给了 {0} 个名称，但输出头有 {1} 个输出；请每个输出给一个名称</translation>
    </message>
    <message>
        <source>cannot read the lengths {0} ({1}); save them with np.save(path, lengths)</source>
        <translation>无法读取长度 {0}（{1}）；请用 np.save(path, lengths) 保存</translation>
    </message>
    <message>
        <source>--lengths takes whole numbers separated by commas, e.g. 7,3,5; got {0}</source>
        <translation>--lengths 接受以逗号分隔的整数，例如 7,3,5；得到的是 {0}</translation>
    </message>
    <message>
        <source>say what to write: --pdf FILE.pdf and/or --figures FOLDER</source>
        <translation>请说明要写出什么：--pdf FILE.pdf 和/或 --figures FOLDER</translation>
    </message>
    <message>
        <source>{0} has no scene to export (a workspace without a lesson)</source>
        <translation>{0} 中没有可导出的场景（一个不含课程的工作区）</translation>
    </message>
    <message>
        <source>input_size must be a whole number ≥ 1, got {0}; it is the number of features per step (leave it out to take the input&apos;s)</source>
        <translation>input_size 必须是 ≥ 1 的整数，实际为 {0}；它是每个时间步的特征数（不填则取输入的特征数）</translation>
    </message>
    <message>
        <source>--{0} is for a checkpoint whose decoder reads its previous symbol through an nn.Embedding (--model); a new decoder reads one-hot symbols named by --target-vocab</source>
        <translation>--{0} 用于解码器通过 nn.Embedding 读取上一个符号的模型文件（--model）；新建的解码器读取由 --target-vocab 命名的 one-hot 符号</translation>
    </message>
    <message>
        <source>a new seq2seq decoder needs symbols to write: give them (e.g. abcdefgh) with --target-vocab or &apos;writes&apos; in the Network panel, or use text input, whose symbols it then writes</source>
        <translation>新的 seq2seq 解码器需要可输出的符号：请用 --target-vocab 或“网络”面板中的“写出”给出（例如 abcdefgh），或使用文本输入，解码器就会输出文本中的符号</translation>
    </message>
    <message>
        <source>give the decoder&apos;s symbols once: --target-vocab or --target-vocab-file</source>
        <translation>解码器的符号只需给一次：--target-vocab 或 --target-vocab-file</translation>
    </message>
    <message>
        <source>--init-values is used with --init given; add --init given</source>
        <translation>--init-values 要与 --init given 一起使用；请加上 --init given</translation>
    </message>
    <message>
        <source>--preset text needs --text &apos;some characters&apos;</source>
        <translation>--preset text 需要 --text &apos;一些字符&apos;</translation>
    </message>
    <message>
        <source>--tokens feeds a model&apos;s nn.Embedding, and this network has none; give numbers per step (--input) or one-hot text (--preset text)</source>
        <translation>--tokens 用于模型的 nn.Embedding，而此网络没有；请给出每个时间步的数字（--input）或 one-hot 文本（--preset text）</translation>
    </message>
    <message>
        <source>{0} is an encoder–decoder (trained on &apos;{1}&apos;); open it with --topology seq2seq</source>
        <translation>{0} 是编码器–解码器（在 &apos;{1}&apos; 上训练）；请用 --topology seq2seq 打开</translation>
    </message>
    <message>
        <source>writing .safetensors needs the safetensors package: pip install safetensors (or write a .pt file)</source>
        <translation>写出 .safetensors 需要 safetensors 包：pip install safetensors（或写成 .pt 文件）</translation>
    </message>
    <message>
        <source>{0} already exists; pass --force to replace it</source>
        <translation>{0} 已存在；加上 --force 即可替换</translation>
    </message>
    <message>
        <source>cannot write {0}: use one of {1}</source>
        <translation>无法写入 {0}：请使用 {1} 之一</translation>
    </message>
    <message>
        <source>folder {0} is not writable; choose another path</source>
        <translation>文件夹 {0} 不可写；请选择其他路径</translation>
    </message>
    <message>
        <source>nothing to save: the picture is empty (is the panel hidden?)</source>
        <translation>没有可保存的内容：图片是空的（面板是否被隐藏了？）</translation>
    </message>
    <message>
        <source>the animation has no frames; choose a non-empty step range</source>
        <translation>动画没有帧；请选择非空的时间步范围</translation>
    </message>
    <message>
        <source>WebP needs Pillow built with libwebp: pip install --force-reinstall pillow (the PyPI wheels have it); .apng is lossless too</source>
        <translation>WebP 需要带 libwebp 构建的 Pillow：pip install --force-reinstall pillow（PyPI 上的 wheel 已包含）；.apng 同样是无损的</translation>
    </message>
    <message>
        <source>{0} frames are at most {1} pixels a side, these are {2}×{3}; choose a smaller size or scale, or .apng</source>
        <translation>{0} 的帧每边最多 {1} 像素，而这些帧为 {2}×{3}；请选择更小的尺寸或缩放，或使用 .apng</translation>
    </message>
    <message>
        <source>MP4 needs ffmpeg: pip install &apos;rnnviz[mp4]&apos; (or put ffmpeg on PATH); GIF works</source>
        <translation>MP4 需要 ffmpeg：pip install &apos;rnnviz[mp4]&apos;（或把 ffmpeg 放到 PATH 中）；GIF 可直接使用</translation>
    </message>
    <message>
        <source>ffmpeg could not write the video: {0}</source>
        <translation>ffmpeg 无法写出视频：{0}</translation>
    </message>
    <message>
        <source>{0} {1}: write it as WIDTHxHEIGHT in pixels, e.g. 1600x1000</source>
        <translation>{0} {1}：请写成以像素为单位的 WIDTHxHEIGHT，例如 1600x1000</translation>
    </message>
    <message>
        <source>{0} {1} is not a size; give whole pixels, e.g. 1600x1000</source>
        <translation>{0} {1} 不是有效的尺寸；请给出整数像素，例如 1600x1000</translation>
    </message>
    <message>
        <source>a {0} figure {1}; choose a {2} of at least {3}x{4}</source>
        <translation>{0} 的图{1}；请选择至少 {3}x{4} 的 {2}</translation>
    </message>
    <message>
        <source>{0} {1}: use a value from {2} to {3}</source>
        <translation>{0} {1}：请使用 {2} 到 {3} 之间的值</translation>
    </message>
    <message>
        <source>{0} about {1} of memory but only {2} is available; {3}</source>
        <translation>{0}约 {1} 的内存，但只有 {2} 可用；{3}</translation>
    </message>
    <message>
        <source>could not start drawing the picture (is the folder writable?)</source>
        <translation>无法开始绘制图片（文件夹是否可写？）</translation>
    </message>
    <message>
        <source>could not finish writing the picture (is the disk full?)</source>
        <translation>无法写完图片（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>give either --panel (one view as a figure) or --stage (the stage layout), not both</source>
        <translation>请给出 --panel（把一个视图画成图）或 --stage（舞台布局）之一，不要同时给出</translation>
    </message>
    <message>
        <source>--side-by-side is a picture of its own: leave out --panel and --stage</source>
        <translation>--side-by-side 本身就是一张图：请去掉 --panel 和 --stage</translation>
    </message>
    <message>
        <source>--layer {0}: this network has layers 1..{1}</source>
        <translation>--layer {0}：此网络的层为 1..{1}</translation>
    </message>
    <message>
        <source>--direction bwd: this network is not bidirectional; use fwd</source>
        <translation>--direction bwd：此网络不是双向的；请使用 fwd</translation>
    </message>
    <message>
        <source>--unit {0}: units go from 0 to {1}</source>
        <translation>--unit {0}：单元编号从 0 到 {1}</translation>
    </message>
    <message>
        <source>{0} {1} is outside the sequence: use 0..{2}</source>
        <translation>{0} {1} 超出序列范围：请使用 0..{2}</translation>
    </message>
    <message>
        <source>--fps {0}: use 0.5 to 50 frames per second</source>
        <translation>--fps {0}：请使用每秒 0.5 到 50 帧</translation>
    </message>
    <message>
        <source>--lang {0}: rnnviz speaks {1}</source>
        <translation>--lang {0}：rnnviz 支持的语言为 {1}</translation>
    </message>
    <message>
        <source>edits on an encoder–decoder are not supported yet; clear the edits or choose a single network&apos;s shape</source>
        <translation>暂不支持修改编码器–解码器；请清除修改，或选择单个网络的形状</translation>
    </message>
    <message>
        <source>no kind of edit {0}; choose edit-x, clamp or set</source>
        <translation>没有 {0} 这种修改；请选择 edit-x、clamp 或 set</translation>
    </message>
    <message>
        <source>unknown partner {0}; choose one of {1}</source>
        <translation>未知对比对象 {0}；请选择 {1} 之一</translation>
    </message>
    <message>
        <source>device: {0}</source>
        <translation>设备：{0}</translation>
    </message>
    <message>
        <source>edited run: differs from the original {0}; recomputed in {1} ms</source>
        <translation>编辑后的运行：{0}与原始运行不同；重新计算用时 {1} ms</translation>
    </message>
    <message>
        <source>dropout {0} is recorded; off while stepping (eval mode, as in torch)</source>
        <translation>记录了 dropout {0}；逐步查看时关闭（eval 模式，与 torch 相同）</translation>
    </message>
    <message>
        <source>--stage {0}: give one or two of {1}, separated by a comma (e.g. graph,cell)</source>
        <translation>--stage {0}：请给出 {1} 中的一个或两个，用逗号分隔（例如 graph,cell）</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <source>the checkpoint</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>{0} recurrent layer(s): {1}</source>
        <translation>{0} 个循环层：{1}</translation>
    </message>
    <message>
        <source>{0} this network</source>
        <translation>此网络的{0}</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>this trace</source>
        <translation>此轨迹</translation>
    </message>
    <message>
        <source>{0}: line {1}, column {2}</source>
        <translation>{0}：第 {1} 行，第 {2} 列</translation>
    </message>
    <message>
        <source>use a decimal point, not a comma</source>
        <translation>请使用小数点，而不是逗号</translation>
    </message>
    <message>
        <source>write it like -0.5</source>
        <translation>请写成 -0.5 这样的形式</translation>
    </message>
    <message>
        <source>(no suffix)</source>
        <translation>（无后缀）</translation>
    </message>
    <message>
        <source>{0} is one-hot over {1} characters</source>
        <translation>{0} 是 {1} 个字符上的 one-hot</translation>
    </message>
    <message>
        <source>give the model&apos;s own {0} characters in order with --vocab (as it was trained)</source>
        <translation>请用 --vocab 按顺序给出模型自己的 {0} 个字符（与训练时相同）</translation>
    </message>
    <message>
        <source>set input_size to {0} or give --vocab with {1} characters</source>
        <translation>请把 input_size 设为 {0}，或用 --vocab 给出 {1} 个字符</translation>
    </message>
    <message>
        <source>{0} has {1} feature per step</source>
        <translation>{0} 每个时间步有 {1} 个特征</translation>
    </message>
    <message>
        <source>{0} has {1} features per step</source>
        <translation>{0} 每个时间步有 {1} 个特征</translation>
    </message>
    <message>
        <source>give an input with {0} columns</source>
        <translation>请给出 {0} 列的输入</translation>
    </message>
    <message>
        <source>set input_size to {0} or use an input with {1} features</source>
        <translation>请把 input_size 设为 {0}，或使用有 {1} 个特征的输入</translation>
    </message>
    <message>
        <source>the model&apos;s</source>
        <translation>模型的</translation>
    </message>
    <message>
        <source>the network&apos;s</source>
        <translation>网络的</translation>
    </message>
    <message>
        <source> ({0} in all)</source>
        <translation> （共 {0} 个）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is too small to read</source>
        <translation>太小，无法看清</translation>
    </message>
    <message>
        <source>a {0} figure at {1}× needs</source>
        <translation>{0} 的图在 {1}× 下需要</translation>
    </message>
    <message>
        <source>choose a smaller {0} or {1}</source>
        <translation>请选择更小的 {0} 或 {1}</translation>
    </message>
    <message>
        <source>{0} frames of {1} at {2}× need</source>
        <translation>{1} 的 {0} 帧在 {2}× 下需要</translation>
    </message>
    <message>
        <source>choose fewer steps, or a smaller {0} or {1}</source>
        <translation>请减少时间步，或选择更小的 {0} 或 {1}</translation>
    </message>
    <message>
        <source>an object of training settings</source>
        <translation>训练设置对象</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>an object ({&quot;input&quot;: file} or {&quot;preset&quot;: …})</source>
        <translation>对象（{&quot;input&quot;: file} 或 {&quot;preset&quot;: …}）</translation>
    </message>
    <message>
        <source>an object (the encoder–decoder&apos;s spec)</source>
        <translation>对象（编码器–解码器的规格）</translation>
    </message>
    <message>
        <source>this trace file</source>
        <translation>此轨迹文件</translation>
    </message>
    <message>
        <source>gradients through time of</source>
        <translation>随时间反向传播的梯度</translation>
    </message>
    <message>
        <source>it is the number of time steps</source>
        <translation>它是时间步数</translation>
    </message>
    <message>
        <source>use 1 for a single sequence</source>
        <translation>单个序列请用 1</translation>
    </message>
    <message>
        <source>it is the number of features per step</source>
        <translation>它是每个时间步的特征数</translation>
    </message>
    <message>
        <source>pick a step from 0 to {0}</source>
        <translation>请选 0 到 {0} 之间的时间步</translation>
    </message>
    <message>
        <source>use any whole number ≥ 0</source>
        <translation>可以用任何 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>it is the number of units per layer</source>
        <translation>它是每层的单元数</translation>
    </message>
    <message>
        <source>use 1 for a single layer</source>
        <translation>单层请用 1</translation>
    </message>
    <message>
        <source>the embedding&apos;s number of rows</source>
        <translation>嵌入的行数</translation>
    </message>
    <message>
        <source>it is the vocabulary&apos;s size</source>
        <translation>它是词表的大小</translation>
    </message>
    <message>
        <source>output size of the head</source>
        <translation>输出头的输出数</translation>
    </message>
    <message>
        <source>or use no head</source>
        <translation>或者不用输出头</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 显存</translation>
    </message>
    <message>
        <source>this trace ({0}, T={1}, batch={2})</source>
        <translation>此轨迹（{0}，T={1}，batch={2}）</translation>
    </message>
</context>
</TS>
