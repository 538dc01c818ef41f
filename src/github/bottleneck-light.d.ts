// Bottleneck's light build (no Redis clustering) is what @octokit/plugin-throttling itself loads;
// the package ships types for its main entry only.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
